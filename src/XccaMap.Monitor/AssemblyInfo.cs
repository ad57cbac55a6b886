using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("XccaMap.Tests")]
