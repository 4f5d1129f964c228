namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>The page's inline style and script (inline so the file works offline and as a single CI artifact).</summary>
internal static class PageAssets
{
    public const string Css = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2329; background: #f6f7f9; }
        header { background: #fff; border-bottom: 1px solid #d8dde3; padding: 12px 24px; position: sticky; top: 0; z-index: 1; }
        h1 { font-size: 20px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 0 0 8px; }
        main { padding: 16px 24px; }
        section { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: 12px 16px; margin-bottom: 16px; }
        details.scenario { margin: 6px 0; }
        details.case { margin: 4px 0 4px 18px; border-left: 3px solid #d8dde3; padding-left: 8px; }
        details.case[data-status=failed] { border-left-color: #c62828; }
        details.case[data-status=passed] { border-left-color: #2e7d32; }
        summary { cursor: pointer; }
        .path, .meta, .duration { color: #5c6670; font-size: 12px; }
        .tag { background: #e8eefb; color: #23408e; border-radius: 3px; padding: 0 4px; font-size: 12px; }
        .badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; color: #fff; background: #78828c; }
        .badge.passed { background: #2e7d32; } .badge.failed, .badge.ambiguous, .badge.undefined { background: #c62828; }
        .badge.skipped, .badge.pending { background: #b26a00; } .badge.notrun, .badge.notcovered { background: #9aa3ab; }
        .failed-text { color: #c62828; }
        ol.steps { margin: 4px 0; padding-left: 22px; }
        .keyword { font-weight: 600; }
        .mutation { font-size: 11px; color: #6a1b9a; border: 1px solid #ce93d8; border-radius: 3px; padding: 0 3px; }
        .hook { color: #5c6670; font-style: italic; }
        pre { white-space: pre-wrap; word-break: break-word; background: #f3f4f6; padding: 8px; border-radius: 4px; font-size: 12px; }
        .failure pre.message { background: #fdecea; }
        .freeze code { background: #263238; color: #e0f2f1; padding: 2px 6px; border-radius: 3px; user-select: all; }
        #filters { display: flex; gap: 14px; align-items: center; flex-wrap: wrap; margin-top: 6px; }
        .matrix-scroll { overflow-x: auto; }
        table.matrix { border-collapse: collapse; font-size: 12px; }
        table.matrix th, table.matrix td { border: 1px solid #d8dde3; padding: 4px 8px; text-align: left; }
        table.matrix thead th { vertical-align: bottom; max-width: 180px; }
        table.matrix td.cell { text-align: center; white-space: nowrap; }
        td.cell.passed { background: #c8e6c9; } td.cell.failed { background: #ffcdd2; } td.cell.notcovered { background: #eceff1; color: #78828c; }
        th.fixed, span.fixed { font-style: italic; color: #5c6670; } th.none { color: #9aa3ab; }
        table.matrix th.group { background: #eef1f4; font-weight: 600; text-align: left; }
        .load-errors { border-color: #c62828; }
        [hidden] { display: none !important; }
        """;

    /// <summary>Filters cases by tag and status and hides scenarios and features left empty; marks the page ready when done.</summary>
    public const string Script = """
        (function () {
          'use strict';
          var tagFilter = document.getElementById('tag-filter');
          var statusFilters = Array.prototype.slice.call(document.querySelectorAll('input[data-status-filter]'));
          var shown = document.getElementById('shown-count');
          function each(selector, action) { Array.prototype.forEach.call(document.querySelectorAll(selector), action); }
          function apply() {
            var tag = tagFilter.value;
            var statuses = statusFilters.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
            var count = 0;
            each('details.case', function (element) {
              var tags = element.getAttribute('data-tags').split(' ');
              var visible = statuses.indexOf(element.getAttribute('data-status')) >= 0 && (tag === '' || tags.indexOf(tag) >= 0);
              element.hidden = !visible;
              if (visible) { count++; }
            });
            each('details.scenario', function (element) { element.hidden = !element.querySelector('details.case:not([hidden])'); });
            each('section.feature', function (element) { element.hidden = !element.querySelector('details.scenario:not([hidden])'); });
            shown.textContent = String(count);
          }
          tagFilter.addEventListener('change', apply);
          statusFilters.forEach(function (box) { box.addEventListener('change', apply); });
          apply();
          document.body.setAttribute('data-ready', 'true');
        })();
        """;
}
