namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// Wyckoff positions (International Tables for Crystallography, Vol. A; standard settings as in
/// <see cref="SpaceGroupTable"/>) for the groups the tomography module meets: the superlattice groups
/// 187, 191, 123, 221, 225, 226, 229 and their common sub- and neighbouring groups. Other groups are
/// identified but get no letters.
/// </summary>
public static class WyckoffTable
{
    /// <summary>Numbers of the groups with Wyckoff data.</summary>
    public static IEnumerable<int> SupportedGroups => Parsed.Keys.Order();

    /// <summary>The Wyckoff positions of group <paramref name="number"/>, 'a' first; null if not tabulated here.</summary>
    public static IReadOnlyList<WyckoffPosition>? For(int number) => Parsed.TryGetValue(number, out var w) ? w : null;

    // letter multiplicity site-symmetry first-triplet; … (general position included)
    private static readonly Dictionary<int, string> Data = new()
    {
        [2] = "i 2 1 x,y,z; h 1 -1 1/2,1/2,1/2; g 1 -1 0,1/2,1/2; f 1 -1 1/2,0,1/2; e 1 -1 1/2,1/2,0; d 1 -1 1/2,0,0; c 1 -1 0,1/2,0; b 1 -1 0,0,1/2; a 1 -1 0,0,0",
        [10] = "o 4 1 x,y,z; n 2 m x,1/2,z; m 2 m x,0,z; l 2 2 1/2,y,1/2; k 2 2 0,y,1/2; j 2 2 1/2,y,0; i 2 2 0,y,0; h 1 2/m 1/2,1/2,1/2; g 1 2/m 1/2,0,1/2; f 1 2/m 0,1/2,1/2; e 1 2/m 1/2,1/2,0; d 1 2/m 1/2,0,0; c 1 2/m 0,0,1/2; b 1 2/m 0,1/2,0; a 1 2/m 0,0,0",
        [12] = "j 8 1 x,y,z; i 4 m x,0,z; h 4 2 0,y,1/2; g 4 2 0,y,0; f 4 -1 1/4,1/4,1/2; e 4 -1 1/4,1/4,0; d 2 2/m 0,1/2,1/2; c 2 2/m 0,0,1/2; b 2 2/m 0,1/2,0; a 2 2/m 0,0,0",
        [123] = "u 16 1 x,y,z; t 8 .m. x,1/2,z; s 8 .m. x,0,z; r 8 ..m x,x,z; q 8 m.. x,y,1/2; p 8 m.. x,y,0; o 4 m2m. x,1/2,1/2; n 4 m2m. x,1/2,0; m 4 m2m. x,0,1/2; l 4 m2m. x,0,0; k 4 m.2m x,x,1/2; j 4 m.2m x,x,0; i 4 2mm. 0,1/2,z; h 2 4mm 1/2,1/2,z; g 2 4mm 0,0,z; f 2 mmm. 0,1/2,0; e 2 mmm. 0,1/2,1/2; d 1 4/mmm 1/2,1/2,1/2; c 1 4/mmm 1/2,1/2,0; b 1 4/mmm 0,0,1/2; a 1 4/mmm 0,0,0",
        [139] = "o 32 1 x,y,z; n 16 .m. 0,y,z; m 16 ..m x,x,z; l 16 m.. x,y,0; k 16 ..2 x,x+1/2,1/4; j 8 m2m. x,1/2,0; i 8 m2m. x,0,0; h 8 m.2m x,x,0; g 8 2mm. 0,1/2,z; f 8 ..2/m 1/4,1/4,1/4; e 4 4mm 0,0,z; d 4 -4m2 0,1/2,1/4; c 4 mmm. 0,1/2,0; b 2 4/mmm 0,0,1/2; a 2 4/mmm 0,0,0",
        [162] = "l 12 1 x,y,z; k 6 ..m x,0,z; j 6 ..2 x,-x,1/2; i 6 ..2 x,-x,0; h 4 3.. 1/3,2/3,z; g 3 ..2/m 1/2,0,1/2; f 3 ..2/m 1/2,0,0; e 2 3.m 0,0,z; d 2 3.2 1/3,2/3,1/2; c 2 3.2 1/3,2/3,0; b 1 -3.m 0,0,1/2; a 1 -3.m 0,0,0",
        [164] = "j 12 1 x,y,z; i 6 .m. x,-x,z; h 6 .2. x,0,1/2; g 6 .2. x,0,0; f 3 .2/m. 1/2,0,1/2; e 3 .2/m. 1/2,0,0; d 2 3m. 1/3,2/3,z; c 2 3m. 0,0,z; b 1 -3m. 0,0,1/2; a 1 -3m. 0,0,0",
        [174] = "l 6 1 x,y,z; k 3 m.. x,y,1/2; j 3 m.. x,y,0; i 2 3.. 2/3,1/3,z; h 2 3.. 1/3,2/3,z; g 2 3.. 0,0,z; f 1 -6.. 2/3,1/3,1/2; e 1 -6.. 2/3,1/3,0; d 1 -6.. 1/3,2/3,1/2; c 1 -6.. 1/3,2/3,0; b 1 -6.. 0,0,1/2; a 1 -6.. 0,0,0",
        [175] = "l 12 1 x,y,z; k 6 m.. x,y,1/2; j 6 m.. x,y,0; i 6 2.. 1/2,0,z; h 4 3.. 1/3,2/3,z; g 3 2/m.. 1/2,0,1/2; f 3 2/m.. 1/2,0,0; e 2 6.. 0,0,z; d 2 -6.. 1/3,2/3,1/2; c 2 -6.. 1/3,2/3,0; b 1 6/m.. 0,0,1/2; a 1 6/m.. 0,0,0",
        [177] = "n 12 1 x,y,z; m 6 ..2 x,-x,1/2; l 6 ..2 x,-x,0; k 6 .2. x,0,1/2; j 6 .2. x,0,0; i 6 2.. 1/2,0,z; h 4 3.. 1/3,2/3,z; g 3 222 1/2,0,1/2; f 3 222 1/2,0,0; e 2 6.. 0,0,z; d 2 3.2 1/3,2/3,1/2; c 2 3.2 1/3,2/3,0; b 1 622 0,0,1/2; a 1 622 0,0,0",
        [183] = "f 12 1 x,y,z; e 6 .m. x,-x,z; d 6 ..m x,0,z; c 3 2mm 1/2,0,z; b 2 3m. 1/3,2/3,z; a 1 6mm 0,0,z",
        [187] = "o 12 1 x,y,z; n 6 .m. x,-x,z; m 6 m.. x,y,1/2; l 6 m.. x,y,0; k 3 mm2 x,-x,1/2; j 3 mm2 x,-x,0; i 2 3m. 2/3,1/3,z; h 2 3m. 1/3,2/3,z; g 2 3m. 0,0,z; f 1 -6m2 2/3,1/3,1/2; e 1 -6m2 2/3,1/3,0; d 1 -6m2 1/3,2/3,1/2; c 1 -6m2 1/3,2/3,0; b 1 -6m2 0,0,1/2; a 1 -6m2 0,0,0",
        [189] = "l 12 1 x,y,z; k 6 m.. x,y,1/2; j 6 m.. x,y,0; i 6 ..m x,0,z; h 4 3.. 1/3,2/3,z; g 3 m2m x,0,1/2; f 3 m2m x,0,0; e 2 3.m 0,0,z; d 2 -6.. 1/3,2/3,1/2; c 2 -6.. 1/3,2/3,0; b 1 -62m 0,0,1/2; a 1 -62m 0,0,0",
        [191] = "r 24 1 x,y,z; q 12 m.. x,y,1/2; p 12 m.. x,y,0; o 12 .m. x,2x,z; n 12 ..m x,0,z; m 6 mm2 x,2x,1/2; l 6 mm2 x,2x,0; k 6 m2m x,0,1/2; j 6 m2m x,0,0; i 6 2mm 1/2,0,z; h 4 3m. 1/3,2/3,z; g 3 mmm 1/2,0,1/2; f 3 mmm 1/2,0,0; e 2 6mm 0,0,z; d 2 -6m2 1/3,2/3,1/2; c 2 -6m2 1/3,2/3,0; b 1 6/mmm 0,0,1/2; a 1 6/mmm 0,0,0",
        [200] = "l 24 1 x,y,z; k 12 m.. 1/2,y,z; j 12 m.. 0,y,z; i 8 .3. x,x,x; h 6 mm2.. x,1/2,1/2; g 6 mm2.. x,1/2,0; f 6 mm2.. x,0,1/2; e 6 mm2.. x,0,0; d 3 mmm.. 1/2,0,0; c 3 mmm.. 0,1/2,1/2; b 1 m-3. 1/2,1/2,1/2; a 1 m-3. 0,0,0",
        [202] = "i 96 1 x,y,z; h 48 m.. 0,y,z; g 48 2.. x,1/4,1/4; f 32 .3. x,x,x; e 24 mm2.. x,0,0; d 24 2/m.. 0,1/4,1/4; c 8 23. 1/4,1/4,1/4; b 4 m-3. 1/2,1/2,1/2; a 4 m-3. 0,0,0",
        [215] = "j 24 1 x,y,z; i 12 ..m x,x,z; h 12 2.. x,1/2,0; g 6 2.mm x,1/2,1/2; f 6 2.mm x,0,0; e 4 .3m x,x,x; d 3 -42.m 1/2,0,0; c 3 -42.m 0,1/2,1/2; b 1 -43m 1/2,1/2,1/2; a 1 -43m 0,0,0",
        [216] = "i 96 1 x,y,z; h 48 ..m x,x,z; g 24 2.mm x,1/4,1/4; f 24 2.mm x,0,0; e 16 .3m x,x,x; d 4 -43m 3/4,3/4,3/4; c 4 -43m 1/4,1/4,1/4; b 4 -43m 1/2,1/2,1/2; a 4 -43m 0,0,0",
        [221] = "n 48 1 x,y,z; m 24 ..m x,x,z; l 24 m.. 1/2,y,z; k 24 m.. 0,y,z; j 12 m.m2 1/2,y,y; i 12 m.m2 0,y,y; h 12 mm2.. x,1/2,0; g 8 .3m x,x,x; f 6 4m.m x,1/2,1/2; e 6 4m.m x,0,0; d 3 4/mm.m 1/2,0,0; c 3 4/mm.m 0,1/2,1/2; b 1 m-3m 1/2,1/2,1/2; a 1 m-3m 0,0,0",
        [225] = "l 192 1 x,y,z; k 96 ..m x,x,z; j 96 m.. 0,y,z; i 48 m.m2 1/2,y,y; h 48 m.m2 0,y,y; g 48 2.mm x,1/4,1/4; f 32 .3m x,x,x; e 24 4m.m x,0,0; d 24 m.mm 0,1/4,1/4; c 8 -43m 1/4,1/4,1/4; b 4 m-3m 1/2,1/2,1/2; a 4 m-3m 0,0,0",
        [226] = "j 192 1 x,y,z; i 96 m.. 0,y,z; h 96 ..2 1/4,y,y; g 64 .3. x,x,x; f 48 4.. x,1/4,1/4; e 48 mm2.. x,0,0; d 24 4/m.. 0,1/4,1/4; c 24 -4m.2 1/4,0,0; b 8 m-3. 0,0,0; a 8 432 1/4,1/4,1/4",
        [229] = "l 96 1 x,y,z; k 48 ..m x,x,z; j 48 m.. 0,y,z; i 48 ..2 1/4,y,-y+1/2; h 24 m.m2 0,y,y; g 24 mm2.. x,0,1/2; f 16 .3m x,x,x; e 12 4m.m x,0,0; d 12 -4m.2 1/4,0,1/2; c 8 .-3m 1/4,1/4,1/4; b 6 4/mm.m 0,1/2,1/2; a 2 m-3m 0,0,0",
    };

    private static readonly Dictionary<int, IReadOnlyList<WyckoffPosition>> Parsed = Data.ToDictionary(
        kv => kv.Key,
        kv => (IReadOnlyList<WyckoffPosition>)kv.Value.Split(';').Select(e =>
        {
            var f = e.Trim().Split(' ');
            return new WyckoffPosition(f[0][0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[2], f[3]);
        }).OrderBy(w => w.Letter).ToList());
}
