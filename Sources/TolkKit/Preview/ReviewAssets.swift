/// The script and styles `tolk serve` adds to the pages it serves (never to `Output/`):
/// reload when a build finished, the review toggle, and the review view's outlines and panel.
enum ReviewAssets {
    /// Added before `</body>` of every page served; `build` is the build the page came from.
    static func tag(build: Int) -> String {
        "<link rel=\"stylesheet\" href=\"/_tolk/review.css\"><script src=\"/_tolk/review.js\" data-build=\"\(build)\" defer></script>"
    }

    static let script = #"""
        (function () {
          "use strict";
          var me = document.currentScript;
          var build = me ? me.getAttribute("data-build") : null;
          // Reload when a newer build is ready.
          function poll() {
            fetch("/_tolk/build", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (now) {
              if (build !== null && now.trim() !== build) { location.reload(); return; }
              setTimeout(poll, 700);
            }).catch(function () { setTimeout(poll, 2000); });
          }
          setTimeout(poll, 700);

          var params = new URLSearchParams(location.search);
          var reviewing = params.get("review") === "1";
          var bar = document.createElement("div");
          bar.id = "tolk-bar";
          var toggle = document.createElement("a");
          var other = new URLSearchParams(location.search);
          if (reviewing) { other.delete("review"); } else { other.set("review", "1"); }
          toggle.href = location.pathname + (other.toString() ? "?" + other.toString() : "");
          toggle.textContent = reviewing ? "Review: on" : "Review: off";
          toggle.setAttribute("aria-pressed", reviewing ? "true" : "false");
          var report = document.createElement("a");
          report.href = "/_tolk/";
          report.textContent = "Progress";
          bar.appendChild(toggle);
          bar.appendChild(report);
          document.body.appendChild(bar);
          if (!reviewing) { return; }

          // Other language versions of this page stay in review.
          Array.prototype.forEach.call(document.querySelectorAll("a[hreflang], [data-tolk-languages] a"), function (a) {
            var href = a.getAttribute("href");
            if (href && href.indexOf("?") < 0 && href.indexOf("#") < 0) { a.setAttribute("href", href + "?review=1"); }
          });

          var panel = document.createElement("aside");
          panel.id = "tolk-panel";
          panel.setAttribute("aria-live", "polite");
          panel.hidden = true;
          document.body.appendChild(panel);
          var findings = {};
          fetch("/_tolk/findings.json", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (all) {
            findings = all;
            Array.prototype.forEach.call(document.querySelectorAll(".tolk-review"), function (segment) {
              var list = findings[key(segment)];
              if (list && list.length) { segment.setAttribute("data-tolk-findings", String(list.length)); }
            });
          }).catch(function () {});
          function key(segment) {
            var lang = document.documentElement.getAttribute("lang") || "";
            return lang.split("-")[0] + "\u0004" + (segment.getAttribute("data-tolk-msgctxt") || "") + "\u0004" + segment.getAttribute("data-tolk-msgid");
          }
          function line(label, text) {
            var p = document.createElement("p");
            var b = document.createElement("b");
            b.textContent = label + ": ";
            p.appendChild(b);
            p.appendChild(document.createTextNode(text));
            panel.appendChild(p);
          }
          function show(segment) {
            panel.textContent = "";
            line("State", segment.getAttribute("data-tolk-state"));
            line("msgid", segment.getAttribute("data-tolk-msgid"));
            if (segment.getAttribute("data-tolk-msgctxt")) { line("msgctxt", segment.getAttribute("data-tolk-msgctxt")); }
            line("Entry", segment.getAttribute("data-tolk-entry"));
            if (segment.getAttribute("data-tolk-problem")) { line("Not used because", segment.getAttribute("data-tolk-problem")); }
            (findings[key(segment)] || []).forEach(function (f) { line("Check " + f.severity, f.rule + ": " + f.message); });
            panel.hidden = false;
          }
          Array.prototype.forEach.call(document.querySelectorAll(".tolk-review"), function (segment) {
            segment.setAttribute("tabindex", "0");
            segment.addEventListener("mouseenter", function () { show(segment); });
            segment.addEventListener("focus", function () { show(segment); });
            segment.addEventListener("click", function (event) { show(segment); event.preventDefault(); });
          });
        })();
        """#

    static let style = """
        #tolk-bar{position:fixed;right:1rem;bottom:1rem;z-index:2147483647;display:flex;gap:.5rem;font:14px/1.3 system-ui,sans-serif}
        #tolk-bar a{background:#222;color:#fff;padding:.45rem .7rem;border-radius:.3rem;text-decoration:none}
        #tolk-panel{position:fixed;left:1rem;bottom:1rem;max-width:32rem;z-index:2147483647;background:#fff;color:#111;
          border:2px solid #222;border-radius:.3rem;padding:.5rem .8rem;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)}
        #tolk-panel p{margin:.2rem 0}
        .tolk-review{outline-offset:2px;cursor:help}
        .tolk-review[data-tolk-state=translated]{outline:2px solid #2e7d32}
        .tolk-review[data-tolk-state=fuzzy]{outline:2px dashed #b58900}
        .tolk-review[data-tolk-state=untranslated],.tolk-review[data-tolk-state=missing]{outline:3px dotted #c62828}
        .tolk-review[data-tolk-state=refused]{outline:4px double #6a1b9a}
        .tolk-review[data-tolk-state=untranslated]::before,.tolk-review[data-tolk-state=missing]::before{content:"untranslated ";font:bold 11px system-ui;color:#c62828}
        .tolk-review[data-tolk-state=fuzzy]::before{content:"fuzzy ";font:bold 11px system-ui;color:#8a6d00}
        .tolk-review[data-tolk-state=refused]::before{content:"refused ";font:bold 11px system-ui;color:#6a1b9a}
        .tolk-review[data-tolk-findings]::after{content:" \\26A0 " attr(data-tolk-findings);font:bold 11px system-ui}
        """
}
