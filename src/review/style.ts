// The page's CSS: system CJK fonts only, one colour per kind of item, and a print layout.
export const REVIEW_CSS = `
:root{--serif:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",STSong,SimSun,"Noto Serif SC",serif;
--sans:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",SimHei,sans-serif;
--task:#fff4c2;--clause:#dcebff;--lead:#ffc98f;--resp:#b9d8ff;--coop:#c9ecc4;--tgt:#c8f0d0;--dl:#ecd9ff;--goal:#d2f5e3;--wg:#f1f1f1;
--diag:#d62828;--flash:#ff7a00;--muted:#6b6b6b;--line:#e2e2e2}
*{box-sizing:border-box}
html,body{margin:0;background:#fff;color:#1b1b1b}
body{font-family:var(--sans);font-size:14px;line-height:1.6;display:flex;flex-direction:column;height:100vh}
[hidden]{display:none!important}
.no-js .js-only{display:none!important}
header.top{padding:6px 14px;border-bottom:1px solid var(--line);background:#fafafa;flex:none}
header.top h1{font-size:16px;margin:0 0 2px;font-family:var(--serif)}
header.top .meta{color:var(--muted);font-size:12px}
.bar{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;margin-top:4px}
.legend{display:flex;flex-wrap:wrap;gap:4px;font-size:12px}
.legend span{padding:0 5px;border-radius:3px}
.filter input{font:inherit;padding:2px 6px;width:15em;border:1px solid #aaa;border-radius:4px}
.filter .count{color:var(--muted);font-size:12px;margin-left:6px}
.diagnostics{font-size:13px}
.diagnostics summary{cursor:pointer}
.diagnostics ol{max-height:30vh;overflow:auto;margin:4px 0;padding-left:2.4em}
.chip{display:inline-block;padding:0 6px;border-radius:9px;background:#eee;font-size:12px}
.chip.sev-error,.badge.sev-error{background:#ffd6d6;color:#8a0000}
.chip.sev-warning,.badge.sev-warning{background:#ffe7b8;color:#7a4a00}
.chip.sev-info,.badge.sev-info{background:#e4ecf7;color:#2a4a7a}
.diagnostics .rule{font-family:ui-monospace,monospace;font-size:12px}
.panes{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr)}
.pane{overflow:auto;padding:8px 14px 40vh;scroll-padding:30vh 0}
.pane+.pane{border-left:1px solid var(--line)}
.pane>h2{font-size:13px;color:var(--muted);margin:0 0 6px;font-weight:normal;position:sticky;top:-8px;background:#fff;z-index:2;padding:4px 0;border-bottom:1px solid var(--line)}
.text{font-family:var(--serif);font-size:15px;line-height:1.9;white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.ln{display:block;position:relative;padding-left:3.6em;min-height:1.9em}
.ln.blank{min-height:0;line-height:1;font-size:9px}
.ln.blank::before{line-height:1;font-size:9px}
.ln::before{content:attr(data-n);position:absolute;left:0;width:2.8em;text-align:right;color:#aaa;font:11px/2.6 ui-monospace,monospace;user-select:none}
mark,.hl{color:inherit;background:none;border-radius:2px}
.text .task{background:var(--task);cursor:pointer}
.text .cl{background:var(--clause)}
.text .as{box-shadow:inset 0 -2px #6c8fc7}
.text .mn{font-weight:600}
.text .ld{text-decoration:underline dotted #6a1b9a;color:#4a148c}
.text .scope{box-shadow:inset 0 -2px 0 #90a4ae}
a.scope{color:#546e7a;font-size:12px;text-decoration:none}
ul.leaders{list-style:none;margin:0;padding:0 0 0 12px;color:#4a148c}
.text .mn.role-lead{background:var(--lead)}.text .mn.role-responsible{background:var(--resp)}.text .mn.role-cooperate{background:var(--coop)}
.text .tgt{background:var(--tgt);box-shadow:inset 0 -2px #2f9e44}
.text .goal{background:var(--goal)}
.text .dl{background:var(--dl);box-shadow:inset 0 -2px #8e44ad}
.text .wg{background:var(--wg)}
.text .sec{font-weight:600}
.text .ntc{box-shadow:inset 0 -1px #999}
.text .dg{text-decoration:underline wavy var(--diag);text-decoration-skip-ink:none;text-underline-offset:4px}
.text .dg.sev-info{text-decoration-color:#4a78c2}
.text .dg::before{content:"⚠";color:var(--diag);font-size:11px;vertical-align:super}
.text .dg.sev-info::before{color:#4a78c2}
.flash{outline:2px solid var(--flash);outline-offset:1px;background-color:#ffe28a!important}
.filtering .pane-src .task:not(.hit){background:none;opacity:.45}
.filtering .pane-out div.wg,.filtering .pane-out ul.goals,.filtering .pane-out .action,.filtering .pane-out ul.rules{display:none}
.filtering .pane-src .mn.hit{outline:2px solid #c2185b;background:#ffd1e3}
.outline{font-size:14px}
.outline h2{font-family:var(--serif);font-size:17px;margin:4px 0}
.outline h3{font-size:14px;margin:10px 0 2px}
.outline dl{display:grid;grid-template-columns:max-content 1fr;gap:0 10px;margin:4px 0 8px;font-size:13px}
.outline dt{color:var(--muted)}
.outline dd{margin:0}
.annex{border-top:1px solid var(--line);padding:4px 0}
.annex>summary{font-family:var(--serif);font-size:15px;font-weight:600;cursor:pointer;padding:4px 0}
.count{font-family:var(--sans);font-weight:normal;color:var(--muted);font-size:12px}
.action{margin:2px 0;color:var(--muted)}
ol.tasks{list-style:none;padding:0;margin:0}
.outline li.task{padding:4px 6px;margin:3px 0;border-left:3px solid #e6c84f;background:#fffdf2}
.outline li.task.hit{border-left-color:#c2185b}
.tid{font-family:ui-monospace,monospace;font-size:11px;color:var(--muted)}
.num{font-weight:600}
a{color:inherit;text-decoration:none}
a.jump:hover{text-decoration:underline}
ul.asg,ul.facts,ul.goals,ul.rules{list-style:none;margin:2px 0 0;padding-left:1.4em;font-size:13px}
ul.asg li{display:inline-block;margin-right:10px}
li.as .sym{color:#b35c00}
li.as.role-responsible .sym{color:#1f5fbf}
li.as.role-cooperate .sym{color:#2f8a2f}
li.as.hit .unit{background:#ffd1e3}
.rl,.inf{color:var(--muted);font-size:11px}
.fix{color:#8a4b00;font-size:11px;font-weight:600}
ul.facts li.tgt{color:#1e6b2f}
ul.facts li.dl{color:#6b2f8a}
ul.goals li{color:#1e6b2f}
div.wg{margin:8px 0;padding:4px 8px;border:1px dashed #bbb;border-radius:4px}
div.wg h4{margin:0;font-size:13px}
.badge{display:inline-block;margin-left:6px;padding:0 5px;border-radius:3px;font-size:11px}
.none{margin:0;color:var(--diag);font-size:12px}
li.item.flash,div.item.flash,span.item.flash{background:#ffe28a!important}
.changes{font-size:13px;max-height:34vh;overflow:auto}
.changes table{border-collapse:collapse;width:100%}
.changes td,.changes th{border-bottom:1px solid var(--line);padding:2px 6px;text-align:left;vertical-align:top}
del{background:#ffd6d6;color:#8a0000}
ins{background:#d3f5d3;color:#0b5e0b;text-decoration:none}
.text .task.changed{background:#ffe0b2}.text .task.added{background:#c8f0d0}.text .task.removed{background:#ffd6d6}.text .task.renumbered{background:#fff4c2;box-shadow:inset 0 -2px #e0a030}
#old-src .task:not(.changed):not(.added):not(.removed):not(.renumbered),#new-src .task:not(.changed):not(.added):not(.removed):not(.renumbered){background:#f7f4e8}
@media print{
  body{display:block;height:auto;font-size:11pt}
  .panes{display:block}
  .pane{overflow:visible;padding:0;border:0!important}
  .pane+.pane{break-before:page}
  .pane>h2{position:static}
  .js-only,.filter{display:none!important}
  .diagnostics ol,.changes{max-height:none;overflow:visible}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .outline li.task{break-inside:avoid}
  details::details-content{content-visibility:visible;display:block}
  a{color:inherit}
}
`;
