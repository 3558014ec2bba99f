package de.smartcitylod.serve;

import java.util.List;

import static de.smartcitylod.serve.Html.esc;

/** The SPARQL query page: YASGUI served from the webjar (no CDN), pointed at our endpoint, with the example queries one click away. */
final class QueryPage {
    private QueryPage() {}

    static String render(List<ExampleQueries.Example> examples, String endpointPath) {
        StringBuilder list = new StringBuilder();
        StringBuilder json = new StringBuilder("{");
        for (ExampleQueries.Example e : examples) {
            list.append("<li><button type=\"button\" class=\"example\" data-name=\"").append(esc(e.name())).append("\" title=\"")
                .append(esc(e.de() + " / " + e.en())).append("\">").append(esc(e.titleDe().isEmpty() ? e.name() : e.titleDe()))
                .append("<br><span class=\"muted\">").append(esc(e.titleEn())).append("</span></button></li>");
            if (json.length() > 1) json.append(',');
            json.append(Html.jsonString(e.name())).append(':').append(Html.jsonString(e.text()));
        }
        json.append('}');
        return "<!doctype html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>SPARQL · smartcity-lod</title>"
                + "<link rel=\"stylesheet\" href=\"/static/yasgui/yasgui.min.css\"><style>" + Html.STYLE
                + " .layout{display:flex;gap:1rem} #examples{width:18rem;flex:none} #examples ul{list-style:none;padding:0;margin:0}"
                + " #examples button{width:100%;text-align:left;margin:.15rem 0;padding:.35rem .5rem;border:1px solid #c9d3df;background:#fff;border-radius:4px;cursor:pointer}"
                + " #examples button:hover{background:#eef4fb} #yasgui{flex:1;min-width:0;background:#fff}</style></head><body>"
                + "<header><h1>smartcity-lod · SPARQL</h1><nav class=\"top\"><a href=\"/id/\">Daten / Data</a><a href=\"/ontology\">Ontologie / Ontology</a>"
                + "<a href=\"/catalog\">Katalog / Catalogue</a><a href=\"/dumps/\">Dumps</a></nav>"
                + "<div class=\"muted\" style=\"color:#cfe3ff\">Endpoint: <code id=\"endpoint\">" + esc(endpointPath) + "</code> (GET/POST, JSON, XML, CSV, TSV)</div></header>"
                + "<main class=\"layout\"><nav id=\"examples\"><h2>Beispielabfragen<br><span class=\"muted\">Example queries</span></h2><ul>" + list + "</ul></nav>"
                + "<section style=\"flex:1;min-width:0\"><p><a id=\"csv\" href=\"#\">Ergebnis als CSV herunterladen / Download results as CSV</a>"
                + " · <a id=\"share\" href=\"#\">Link zu dieser Abfrage / link to this query</a>"
                + " · <a id=\"curl\" href=\"#\">als curl-Befehl / as a curl command</a></p><pre id=\"curlcmd\" hidden></pre>"
                + "<div id=\"yasgui\"></div></section></main>"
                + "<script src=\"/static/yasgui/yasgui.min.js\"></script><script>\n"
                + "const EXAMPLES = " + json + ";\n"
                + "const ENDPOINT = new URL(" + Html.jsonString(endpointPath) + ", location.href).href;\n"
                // The editor opens with the first example; prefixes for autocompletion come from this server, not prefix.cc.
                // A shared link (?query=...) opens with its query; otherwise the first example.
                + "const SHARED = new URLSearchParams(location.search).get('query');\n"
                + "const FIRST = SHARED || EXAMPLES[Object.keys(EXAMPLES)[0]];\n"
                + "const yasgui = new Yasgui(document.getElementById('yasgui'), {requestConfig: {endpoint: ENDPOINT, method: 'POST'}, copyEndpointOnNewTab: false, persistenceId: null,\n"
                + "  yasqe: {value: FIRST, prefixCcApi: new URL('/static/prefixes.json', location.href).href}});\n"
                + "if (yasgui.getTab().getQuery() !== FIRST) yasgui.getTab().setQuery(FIRST);\n"
                // Results as plain values (79.5, not \"79.5\"^^xsd:decimal): YASR's compact table, on for every tab.
                + "const compact = tab => { const y = tab && tab.getYasr && tab.getYasr(); if (y && y.plugins && y.plugins.table) y.plugins.table.persistentConfig.compact = true; };\n"
                + "compact(yasgui.getTab()); yasgui.on('tabChange', () => compact(yasgui.getTab()));\n"
                // Labels next to IRIs, as Wikidata's query service shows them: one query to this endpoint per
                // result set (German label, else any), written after each link the table draws, page by page.
                + "const LABELS = new WeakMap();\n"
                + "const labelsFor = res => { if (!LABELS.has(res)) LABELS.set(res, (async () => {\n"
                + "  const iris = new Set(); (res.getBindings() || []).forEach(b => Object.values(b).forEach(v => { if (v && v.type === 'uri' && iris.size < 1000) iris.add(v.value); }));\n"
                + "  if (!iris.size) return new Map();\n"
                + "  const q = 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> '\n"
                + "    + 'SELECT ?s (COALESCE(SAMPLE(?de), SAMPLE(?any)) AS ?label) WHERE { VALUES ?s { ' + [...iris].map(i => '<' + i + '>').join(' ') + ' } '\n"
                + "    + '{ ?s rdfs:label|skos:prefLabel ?de FILTER(lang(?de) = \"de\") } UNION { ?s rdfs:label|skos:prefLabel ?any } } GROUP BY ?s';\n"
                + "  const r = await fetch(ENDPOINT, {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json'}, body: 'query=' + encodeURIComponent(q)});\n"
                + "  return r.ok ? new Map((await r.json()).results.bindings.filter(b => b.label).map(b => [b.s.value, b.label.value])) : new Map();\n"
                + "})()); return LABELS.get(res); };\n"
                + "const annotate = y => { if (!y.results || !y.results.getBindings) return; labelsFor(y.results).then(labels => {\n"
                + "  y.resultsEl.querySelectorAll('a[href]').forEach(a => { const l = labels.get(a.href) || labels.get(a.getAttribute('href'));\n"
                + "    if (!l || (a.nextElementSibling && a.nextElementSibling.classList.contains('iri-label'))) return;\n"
                + "    const s = document.createElement('span'); s.className = 'iri-label muted'; s.textContent = ' ' + l; a.after(s); }); }); };\n"
                + "const watch = tab => { const y = tab && tab.getYasr && tab.getYasr(); if (!y || y.labelsWatched) return; y.labelsWatched = true;\n"
                + "  new MutationObserver(() => annotate(y)).observe(y.resultsEl, {childList: true, subtree: true}); };\n"
                + "watch(yasgui.getTab()); yasgui.on('tabChange', () => watch(yasgui.getTab()));\n"
                + "document.querySelectorAll('button.example').forEach(b => b.addEventListener('click', () => {\n"
                + "  const tab = yasgui.getTab(); tab.setQuery(EXAMPLES[b.dataset.name]); tab.query(); }));\n"
                + "document.getElementById('share').addEventListener('click', ev => {\n"
                + "  ev.target.href = location.origin + location.pathname + '?query=' + encodeURIComponent(yasgui.getTab().getQuery()); });\n"
                + "document.getElementById('curl').addEventListener('click', ev => {\n"
                + "  ev.preventDefault(); const pre = document.getElementById('curlcmd');\n"
                + "  pre.textContent = \"curl -H 'Accept: text/csv' --data-urlencode 'query=\" + yasgui.getTab().getQuery().replace(/'/g, \"'\\\\''\") + \"' \" + ENDPOINT;\n"
                + "  pre.hidden = false; });\n"
                + "document.getElementById('csv').addEventListener('click', ev => {\n"
                + "  ev.target.href = ENDPOINT + '?format=csv&query=' + encodeURIComponent(yasgui.getTab().getQuery()); });\n"
                + "</script></body></html>";
    }
}
