using System.Net;

namespace XccaMap.Monitor.Dashboard;

/// <summary>
/// The dashboard: one self-contained HTML page (inline CSS and JavaScript, no external library) that listens to the
/// server-sent events of <c>/events</c> and refreshes the progress, the per-class counts, the messages and every
/// picture whose content changed. The maps are laid out at fixed positions (first map at 10, 100 CSS px).
/// </summary>
public static class DashboardPage
{
    /// <summary>The page for the state now (the pictures are in it from the start, so it shows something without script too).</summary>
    /// <param name="state">The monitor's state.</param>
    /// <param name="token">The access token to carry in the page's own requests, or null.</param>
    public static string Html(MonitorState state, string? token)
    {
        string q = token is null ? string.Empty : "token=" + WebUtility.UrlEncode(token) + "&";
        long v = state.Version;
        var maps = string.Concat(MapSet.Names(state).Select(n =>
            $"<div class=\"panel\"><img id=\"m-{n}\" alt=\"{n}\" src=\"/map/{n}.png?{q}v={v}\"></div>"));
        return Template
            .Replace("{{TITLE}}", WebUtility.HtmlEncode(state.ScanName ?? "waiting for the scan"), StringComparison.Ordinal)
            .Replace("{{MAPS}}", maps, StringComparison.Ordinal)
            .Replace("{{Q}}", q, StringComparison.Ordinal)
            .Replace("{{V}}", v.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private const string Template = """
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>xccamap monitor: {{TITLE}}</title>
<style>
body { margin: 0; font: 14px system-ui, sans-serif; background: #fafafa; color: #222; }
header { position: absolute; left: 0; top: 0; width: 100%; height: 90px; padding: 8px 10px; box-sizing: border-box; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 18px; margin: 0 0 6px 0; }
#bar { width: 600px; height: 14px; background: #eee; border: 1px solid #bbb; display: inline-block; vertical-align: middle; }
#fill { height: 100%; width: 0; background: #3a7; }
#maps { position: absolute; left: 10px; top: 100px; width: 780px; }
.panel { display: inline-block; width: 380px; height: 380px; margin: 0 10px 10px 0; vertical-align: top; overflow: hidden; background: #fff; }
.panel img { width: 380px; }
#side { position: absolute; left: 800px; top: 100px; width: 570px; }
#frame { width: 560px; } #profile { width: 560px; }
table { border-collapse: collapse; margin: 4px 0 10px 0; } td, th { border: 1px solid #ccc; padding: 1px 6px; text-align: right; }
#messages { font-size: 12px; color: #444; white-space: pre-wrap; }
.warning { color: #a60; } .error { color: #b00; }
</style></head>
<body>
<header><h1>xccamap monitor — <span id="scan">{{TITLE}}</span> <small id="phase"></small></h1>
<div><span id="bar"><div id="fill"></div></span> <span id="progress"></span></div>
<div id="files"></div></header>
<div id="maps">{{MAPS}}</div>
<div id="side">
<img id="frame" alt="latest frame" src="/frame.png?{{Q}}v={{V}}">
<img id="profile" alt="radial profile" src="/profile.svg?{{Q}}v={{V}}">
<div id="counts"></div>
<div id="messages"></div>
</div>
<script>
"use strict";
const Q = "{{Q}}";
let latest = -1;
function table(title, rows) {
  if (!rows) return "";
  return "<b>" + title + "</b><table><tr><th>class</th><th>points</th></tr>" +
    rows.map(r => "<tr><td>" + r.name + "</td><td>" + r.points + "</td></tr>").join("") + "</table>";
}
function esc(s) { return s.replace(/[&<>]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" }[c])); }
function update(s) {
  document.getElementById("scan").textContent = s.scan || "waiting for the scan";
  document.getElementById("phase").textContent = "(" + s.phase + (s.final ? ", final results" : s.setup === "quick" ? ", live, quick setup from the first frame" : ", live") + ")";
  const pct = s.frames_expected > 0 ? 100 * s.frames_done / s.frames_expected : 0;
  document.getElementById("fill").style.width = pct.toFixed(1) + "%";
  document.getElementById("progress").textContent = s.frames_done + " / " + s.frames_expected + " frames (" + pct.toFixed(1) + " %), " +
    s.frames_per_second + " frames/s" + (s.frames_skipped ? ", " + s.frames_skipped + " skipped" : "") + (s.frames_restored ? ", " + s.frames_restored + " from checkpoint" : "");
  const f = s.data_files;
  document.getElementById("files").textContent = "data files: " + f.done + " done, " + f.open + " open, " + f.absent + " not yet there" + (f.unreadable ? ", " + f.unreadable + " not readable yet" : "") + " of " + f.total;
  const maps = document.getElementById("maps");
  for (const name of s.maps) {
    let img = document.getElementById("m-" + name);
    if (!img) { const d = document.createElement("div"); d.className = "panel"; img = document.createElement("img"); img.id = "m-" + name; img.alt = name; d.appendChild(img); maps.appendChild(d); }
    img.src = "/map/" + name + ".png?" + Q + "v=" + s.version;
  }
  for (const img of Array.from(maps.querySelectorAll("img"))) {
    if (!s.maps.includes(img.alt)) img.parentElement.remove(); // a q map of the quick setup that the setup proper does not have
  }
  if (s.latest_frame !== latest) {
    latest = s.latest_frame;
    document.getElementById("frame").src = "/frame.png?" + Q + "v=" + s.version;
    document.getElementById("profile").src = "/profile.svg?" + Q + "v=" + s.version;
  }
  document.getElementById("counts").innerHTML = table("SAXS classes", s.classes.saxs) + table("WAXS classes", s.classes.waxs);
  document.getElementById("messages").innerHTML = s.messages.map(m => "<div class=\"" + m.severity + "\">" + m.time + " " + esc(m.text) + "</div>").join("");
}
const events = new EventSource("/events?" + Q);
events.onmessage = e => update(JSON.parse(e.data));
</script>
</body></html>
""";
}
