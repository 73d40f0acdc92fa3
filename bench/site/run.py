#!/usr/bin/env python3
"""Site benchmark: OpenKey against Hugo and MkDocs (Material + mkdocs-static-i18n) on one synthetic 4-language course.

Development tool only (run by `make bench`; not part of `make test`). Needs /usr/bin/time, hugo (installed with
apt-get when root) and mkdocs, mkdocs-material, mkdocs-static-i18n (installed with pip when missing).

The course: N pages × 4 languages (en source; es, it, fr translations), generated deterministically (seeded) as ONE
text and written in three layouts under /tmp/openkey-bench-site/N/:
  openkey/  Content/ (English pages, Content/paths/*.yml, site.yml with `languages: [en, es, it, fr]`) and
            Translations/{es,it,fr}/ (same structure; `translation-of:` and `source-sections:` computed here with
            the fingerprint of Sources/Localization/SourceHash.swift, so every translation is current; checked
            with `openkey translations --fail-on stale` and, on a few pages, against `mark-current`'s own stamp)
  hugo/     content/ with translations by file-name suffix (`page.es.md`), hugo.toml, layouts/_default/
            {baseof,single,list}.html and a link render hook that resolves the pages' relative `.md` links
  mkdocs/   docs/ with the suffix structure of mkdocs-static-i18n (`page.es.md`), mkdocs.yml (Material)
            — only for N <= --mkdocs-max (default 1000): it is slow.
Every page: front matter (title, summary), ## and ### headings, paragraphs, a bulleted list, a fenced Python
block, a pipe table, inline TeX ($E = mc^2$ style: sub/superscripts, \\frac, \\sqrt, Greek letters, \\to, \\times)
and 3 relative `.md` links to other pages (one in the same unit); pages are grouped into paths of 25.

For each size and tool, each build runs as its own process under /usr/bin/time -v (wall time, user+sys CPU time,
peak RSS):
  full       output folder removed first
  no-change  build again into the existing output (OpenKey: checks its stamps and stops: "up to date")
  forced     OpenKey only: the same with --force (a complete rebuild, as Hugo and MkDocs always do)
  edit-one   after appending a sentence to one English page (a different sentence each repeat; restored after);
             OpenKey must report that it updated the site in place ("updated 1 edited page")
Tools run round-robin within each repeat, so background load affects them alike. Before any timing, one build
of each tool must succeed and produce exactly N × 4 page HTML files, each with its title, its language and its
three links resolved (and, for OpenKey, MathML); otherwise the script aborts.
The results table goes to bench/results-site.md (generated; not tracked) and is printed.

Usage: python3 bench/site/run.py [--sizes 250,1000,2500] [--repeats 5] [--quick] [--mkdocs-max 1000] [--seed S]
"""
import argparse
import glob
import importlib.metadata
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT_DIR = os.path.dirname(os.path.dirname(HERE))
CACHE = "/tmp/openkey-bench-site"
OPENKEY = os.path.join(ROOT_DIR, ".build", "release", "openkey")
RESULTS = os.path.join(ROOT_DIR, "bench", "results-site.md")
LANGS = ["en", "es", "it", "fr"]
LANG_NAMES = {"en": "English", "es": "Español", "it": "Italiano", "fr": "Français"}
PATH_SIZE = 25
TOOLS = ["openkey", "hugo", "mkdocs"]
TOOL_LABELS = {"openkey": "OpenKey", "hugo": "Hugo", "mkdocs": "MkDocs + Material + i18n"}
MODES = ["full", "no-change", "forced", "edit-one"]
MODE_LABELS = {"full": "full build", "no-change": "no-change rebuild", "forced": "no-change rebuild, --force",
               "edit-one": "rebuild after editing 1 page"}
# OpenKey only: its no-change rebuild stops after checking file stamps; --force rebuilds everything anyway, which is
# what Hugo and MkDocs do on a no-change rebuild (compared with their no-change row).
OPENKEY_ONLY = {"forced"}


def fail(msg):
    print(f"\nBENCHMARK ABORTED: {msg}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------------------------------------------------
# 1. The text. One vocabulary, word for word in each language: a page is a sequence of word indices, rendered
#    in each language, so the four versions have the same structure (headings, list, table, code, formulas,
#    links) and realistic lengths and characters.

VOCAB = [  # en, es, it, fr
    ("particle", "partícula", "particella", "particule"), ("energy", "energía", "energia", "énergie"),
    ("mass", "masa", "massa", "masse"), ("charge", "carga", "carica", "charge"),
    ("detector", "detector", "rivelatore", "détecteur"), ("collision", "colisión", "collisione", "collision"),
    ("electron", "electrón", "elettrone", "électron"), ("proton", "protón", "protone", "proton"),
    ("neutron", "neutrón", "neutrone", "neutron"), ("quark", "quark", "quark", "quark"),
    ("lepton", "leptón", "leptone", "lepton"), ("photon", "fotón", "fotone", "photon"),
    ("field", "campo", "campo", "champ"), ("force", "fuerza", "forza", "force"),
    ("momentum", "impulso", "impulso", "impulsion"), ("speed", "velocidad", "velocità", "vitesse"),
    ("light", "luz", "luce", "lumière"), ("beam", "haz", "fascio", "faisceau"),
    ("event", "suceso", "evento", "événement"), ("measurement", "medida", "misura", "mesure"),
    ("experiment", "experimento", "esperimento", "expérience"), ("analysis", "análisis", "analisi", "analyse"),
    ("histogram", "histograma", "istogramma", "histogramme"), ("peak", "pico", "picco", "pic"),
    ("background", "fondo", "fondo", "bruit"), ("signal", "señal", "segnale", "signal"),
    ("decay", "desintegración", "decadimento", "désintégration"), ("nucleus", "núcleo", "nucleo", "noyau"),
    ("atom", "átomo", "atomo", "atome"), ("theory", "teoría", "teoria", "théorie"),
    ("model", "modelo", "modello", "modèle"), ("the", "el", "il", "le"),
    ("of", "de", "di", "de"), ("and", "y", "e", "et"), ("a", "un", "un", "un"), ("is", "es", "è", "est"),
    ("with", "con", "con", "avec"), ("in", "en", "in", "dans"), ("from", "desde", "da", "depuis"),
    ("we", "nosotros", "noi", "nous"), ("observe", "observamos", "osserviamo", "observons"),
    ("measure", "medimos", "misuriamo", "mesurons"), ("find", "encontramos", "troviamo", "trouvons"),
    ("show", "muestra", "mostra", "montre"), ("large", "grande", "grande", "grand"),
    ("small", "pequeño", "piccolo", "petit"), ("fast", "rápido", "veloce", "rapide"),
    ("heavy", "pesado", "pesante", "lourd"), ("new", "nuevo", "nuovo", "nouveau"),
    ("every", "cada", "ogni", "chaque"), ("data", "datos", "dati", "données"),
    ("student", "estudiante", "studente", "étudiant"), ("teacher", "profesor", "insegnante", "professeur"),
    ("question", "pregunta", "domanda", "question"), ("answer", "respuesta", "risposta", "réponse"),
    ("example", "ejemplo", "esempio", "exemple"), ("result", "resultado", "risultato", "résultat"),
    ("error", "error", "errore", "erreur"), ("uncertainty", "incertidumbre", "incertezza", "incertitude"),
    ("number", "número", "numero", "nombre"), ("value", "valor", "valore", "valeur"),
    ("time", "tiempo", "tempo", "temps"), ("space", "espacio", "spazio", "espace"),
    ("universe", "universo", "universo", "univers"), ("accelerator", "acelerador", "acceleratore", "accélérateur"),
    ("magnet", "imán", "magnete", "aimant"), ("track", "traza", "traccia", "trace"),
    ("calorimeter", "calorímetro", "calorimetro", "calorimètre"), ("trigger", "disparador", "trigger", "déclencheur"),
    ("sample", "muestra", "campione", "échantillon"), ("cut", "corte", "taglio", "coupure"),
    ("because", "porque", "perché", "car"), ("very", "muy", "molto", "très"),
    ("also", "también", "anche", "aussi"), ("then", "luego", "poi", "ensuite"),
    ("carefully", "cuidadosamente", "attentamente", "soigneusement"), ("simple", "sencillo", "semplice", "simple"),
    ("important", "importante", "importante", "important"), ("strong", "fuerte", "forte", "fort"),
    ("weak", "débil", "debole", "faible"),
]
UNIT_WORD = {"en": "Unit", "es": "Unidad", "it": "Unità", "fr": "Unité"}
HOME_TITLE = {"en": "Particle physics course", "es": "Curso de física de partículas",
              "it": "Corso di fisica delle particelle", "fr": "Cours de physique des particules"}
EDIT_SENTENCE = "Edit number {k}: the detector recorded one more event in this sample."

# Only what the brief allows: sub/superscripts, \frac, \sqrt, Greek letters, \to, \times.
FORMULAS = [r"$E = mc^2$", r"$p_T^2 = p_x^2 + p_y^2$", r"$\lambda = \frac{h}{p}$", r"$\gamma \to e^+ e^-$",
            r"$\Delta E \times \Delta t$", r"$\pi^0 \to \gamma \gamma$", r"$\beta = \frac{v}{c}$",
            r"$m = \sqrt{E^2 - p^2}$", r"$Z \to \mu^+ \mu^-$", r"$\tau_\mu \times c$",
            r"$m_{\mu\mu} = \sqrt{2 p_1 p_2}$", r"$\sigma = \frac{N}{L}$"]


def page_id(i):
    return f"unit-{i // PATH_SIZE + 1:03d}/page-{i + 1:04d}"


def unit_id(u):
    return f"unit-{u + 1:03d}"


def words(rng, lo, hi):
    return [rng.randrange(len(VOCAB)) for _ in range(rng.randint(lo, hi))]


def make_spec(i, n, seed):
    """The language-independent structure of page i (of n)."""
    rng = random.Random(seed * 1_000_003 + i)
    s = {"i": i, "title": words(rng, 2, 4), "summary": words(rng, 10, 18),
         "intro": [words(rng, 8, 16) for _ in range(4)], "math": rng.sample(FORMULAS, 3),
         "h2": [words(rng, 2, 4) for _ in range(3)], "h3": words(rng, 2, 3),
         "paras": [[words(rng, 8, 16) for _ in range(rng.randint(4, 6))] for _ in range(4)],
         "items": [words(rng, 4, 9) for _ in range(5)], "table_head": [words(rng, 1, 2) for _ in range(3)],
         "table_rows": [(rng.randint(1, 999), round(rng.uniform(0.1, 99.9), 2), rng.choice(["MeV", "GeV", "TeV"]))
                        for _ in range(4)],
         "code_comment": words(rng, 3, 6), "code_vals": [round(rng.uniform(1, 100), 1) for _ in range(4)],
         "link_ctx": [words(rng, 4, 8) for _ in range(3)]}
    unit = i // PATH_SIZE
    same_unit = [j for j in range(unit * PATH_SIZE, min(n, unit * PATH_SIZE + PATH_SIZE)) if j != i]
    targets = [rng.choice(same_unit)] if same_unit else []
    while len(targets) < 3:
        j = rng.randrange(n)
        if j != i and j not in targets:
            targets.append(j)
    s["links"] = targets
    return s


def unit_spec(u, seed):
    rng = random.Random(seed * 7_000_003 + u)
    return {"title": words(rng, 2, 3), "summary": words(rng, 10, 16)}


def w(idx, lang):
    return " ".join(VOCAB[k][LANGS.index(lang)] for k in idx)


def cap(text):
    return text[:1].upper() + text[1:]


def sentence(idx, lang):
    return cap(w(idx, lang)) + "."


def title_of(spec, lang):
    return f"{cap(w(spec['title'], lang))} {spec['i'] + 1}"


def rel_link(from_id, to_id):
    return os.path.relpath(to_id + ".md", os.path.dirname(from_id))


def render_page(spec, specs, lang):
    """(title, summary, body) of one page in one language; the body is the Markdown after the front matter."""
    pid = page_id(spec["i"])
    links = [f"[{title_of(specs[j], lang)}]({rel_link(pid, page_id(j))})" for j in spec["links"]]
    link_sents = [f"{cap(w(ctx, lang))} {link}." for ctx, link in zip(spec["link_ctx"], links)]
    m = spec["math"]
    intro = [sentence(x, lang) for x in spec["intro"]]
    intro[1] = f"{cap(w(spec['intro'][1], lang))} {m[0]}."
    p = [[sentence(x, lang) for x in para] for para in spec["paras"]]
    p[1][1] = f"{cap(w(spec['paras'][1][1], lang))} {m[1]}."
    p[3][0] = f"{cap(w(spec['paras'][3][0], lang))} {m[2]}."
    head = " | ".join(cap(w(h, lang)) for h in spec["table_head"])
    rows = "\n".join(f"| {a} | {b} | {u} |" for a, b, u in spec["table_rows"])
    v = spec["code_vals"]
    body = f"""
{" ".join(intro)}

## {cap(w(spec['h2'][0], lang))}

{" ".join(p[0])} {link_sents[0]}

""" + "\n".join(f"- {cap(w(item, lang))}" for item in spec["items"]) + f"""

### {cap(w(spec['h3'], lang))}

{" ".join(p[1])}

```python
# {w(spec['code_comment'], lang)}
def invariant_mass(e, px, py, pz):
    return (e ** 2 - px ** 2 - py ** 2 - pz ** 2) ** 0.5


print(invariant_mass({v[0] + 100}, {v[1]}, {v[2]}, {v[3]}))
```

## {cap(w(spec['h2'][1], lang))}

| {head} |
| --- | ---: | --- |
{rows}

{" ".join(p[2])} {link_sents[1]}

## {cap(w(spec['h2'][2], lang))}

{" ".join(p[3])} {link_sents[2]}
"""
    return title_of(spec, lang), sentence(spec["summary"], lang), body


# ---------------------------------------------------------------------------------------------------------
# 2. OpenKey's source fingerprint (Sources/Localization/SourceHash.swift), reimplemented exactly.

def _norm_endings(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _normalise(text):
    return "\n".join(line.rstrip(" \t") for line in _norm_endings(text).split("\n")).strip("\n\r")


def _fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def _short(text):
    h = _fnv1a64(_normalise(text))
    return "%08x" % ((h >> 32) ^ (h & 0xFFFFFFFF))


def source_hash(title, summary, body):
    return "%016x" % _fnv1a64(_normalise(title) + "\0" + _normalise(summary) + "\0" + _normalise(body))


def _heading_text(line):
    hashes = len(line) - len(line.lstrip("#"))
    if not 1 <= hashes <= 6:
        return None
    rest = line[hashes:]
    if rest and rest[0] not in " \t":
        return None
    text = rest.strip(" \t")
    while text.endswith("#"):
        text = text[:-1]
    return text.strip(" \t")


def source_sections(title, summary, body):
    out = [("(title and summary)", _short(title + "\0" + summary))]
    heading, lines, fence = "(introduction)", [], None

    def flush():
        text = "\n".join(lines)
        if heading != "(introduction)" or _normalise(text):
            out.append((heading, _short(text)))
        lines.clear()

    for line in _norm_endings(body).split("\n"):
        trimmed = line.lstrip(" ")
        if fence is not None:
            if trimmed.startswith(fence):
                fence = None
        elif trimmed.startswith("```") or trimmed.startswith("~~~"):
            fence = trimmed[:3]
        else:
            text = _heading_text(trimmed)
            if text is not None:
                flush()
                heading = text
                continue
        lines.append(line)
    flush()
    return out


def yaml_quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def stamp_lines(title, summary, body):
    """The front-matter lines `openkey translations mark-current` writes (TranslationScaffold.stamp)."""
    out = f"translation-of: {source_hash(title, summary, body)}\nsource-sections:\n"
    for heading, h in source_sections(title, summary, body):
        out += f"  - {yaml_quoted(h + ' ' + heading)}\n"
    return out


# ---------------------------------------------------------------------------------------------------------
# 3. The three layouts.

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav class="languages">{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""
HUGO_SINGLE = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
</article>
{{ with .Parent }}<p class="up"><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}
{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }} — {{ . }}{{ end }}</li>
{{ end }}</ul>
{{ end }}
"""
# Resolves the pages' relative `.md` links to the target page in the same language; a broken link stops the build.
HUGO_RENDER_LINK = """{{- $u := urls.Parse .Destination -}}
{{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
{{- $target := strings.TrimSuffix ".md" (path.Join .Page.File.Dir $u.Path) -}}
{{- with .Page.GetPage (printf "/%s" $target) -}}
<a href="{{ .RelPermalink }}{{ with $u.Fragment }}#{{ . }}{{ end }}">{{ $.Text | safeHTML }}</a>
{{- else -}}
{{- errorf "%s: broken link %q" $.Page.File.Path $.Destination -}}
{{- end -}}
{{- else -}}
<a href="{{ .Destination | safeURL }}">{{ .Text | safeHTML }}</a>
{{- end -}}
"""


def hugo_toml():
    out = ['baseURL = "/"', 'title = "OpenKey site benchmark"', 'defaultContentLanguage = "en"',
           "defaultContentLanguageInSubdir = false", "uglyURLs = true", "relativeURLs = true",
           'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]', "", "[languages]"]
    for k, lang in enumerate(LANGS):
        out += [f"  [languages.{lang}]", f'    languageName = "{LANG_NAMES[lang]}"', f"    weight = {k + 1}",
                f'    title = "{HOME_TITLE[lang]}"']
    return "\n".join(out) + "\n"


def mkdocs_yml():
    langs = ""
    for lang in LANGS:
        langs += f"        - locale: {lang}\n"
        if lang == "en":
            langs += "          default: true\n"
        langs += f"          name: {LANG_NAMES[lang]}\n          build: true\n"
    return f"""site_name: OpenKey site benchmark
docs_dir: docs
use_directory_urls: false
theme:
  name: material
  features:
    - navigation.prune
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
{langs}markdown_extensions:
  - tables
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences
  - pymdownx.arithmatex:
      generic: true
"""


def front(title, summary, extra=""):
    return f"---\ntitle: {title}\nsummary: {summary}\n{extra}---\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(n, seed, base, with_mkdocs):
    """Writes the three layouts of the n-page course under base/; returns a description of the course."""
    if os.path.exists(base):
        shutil.rmtree(base)
    specs = [make_spec(i, n, seed) for i in range(n)]
    n_units = (n + PATH_SIZE - 1) // PATH_SIZE
    units = [unit_spec(u, seed) for u in range(n_units)]
    ok, hg, mk = (os.path.join(base, t) for t in TOOLS)
    # OpenKey
    write(os.path.join(ok, "Content", "site.yml"),
          f"title: OpenKey site benchmark ({n} pages)\nsource-language: en\nlanguages: [{', '.join(LANGS)}]\n"
          "default-edition: student\n")
    for lang in LANGS:
        ui = os.path.join(ROOT_DIR, "Translations", lang, "ui.yml")
        if os.path.exists(ui):
            os.makedirs(os.path.join(ok, "Translations", lang), exist_ok=True)
            shutil.copy(ui, os.path.join(ok, "Translations", lang, "ui.yml"))
    for u, us in enumerate(units):
        steps = "".join(f"  - {page_id(i)}\n" for i in range(u * PATH_SIZE, min(n, (u + 1) * PATH_SIZE)))
        for lang in LANGS:
            title, summary = f"{UNIT_WORD[lang]} {u + 1} — {w(us['title'], lang)}", sentence(us["summary"], lang)
            if lang == "en":
                write(os.path.join(ok, "Content", "paths", unit_id(u) + ".yml"),
                      f"title: {title}\naudience: students\nsummary: {summary}\norder: {u + 1}\nsteps:\n{steps}")
            else:
                write(os.path.join(ok, "Translations", lang, "paths", unit_id(u) + ".yml"),
                      f"title: {title}\nsummary: {summary}\n")
            suffix = "" if lang == "en" else "." + lang
            write(os.path.join(hg, "content", unit_id(u), f"_index{suffix}.md"), front(title, summary))
    for lang in LANGS:
        suffix = "" if lang == "en" else "." + lang
        write(os.path.join(hg, "content", f"_index{suffix}.md"), front(HOME_TITLE[lang], HOME_TITLE[lang] + "."))
        if with_mkdocs:
            write(os.path.join(mk, "docs", f"index{suffix}.md"),
                  front(HOME_TITLE[lang], HOME_TITLE[lang] + ".") + "\n" + "\n".join(
                      f"- {UNIT_WORD[lang]} {u + 1}: [{title_of(specs[u * PATH_SIZE], lang)}]"
                      f"({page_id(u * PATH_SIZE)}.md)" for u in range(n_units)) + "\n")
    src_bytes = 0
    n_words = 0
    for spec in specs:
        pid = page_id(spec["i"])
        en = render_page(spec, specs, "en")
        for lang in LANGS:
            title, summary, body = render_page(spec, specs, lang) if lang != "en" else en
            suffix = "" if lang == "en" else "." + lang
            if lang == "en":
                text = front(title, summary) + body
                write(os.path.join(ok, "Content", pid + ".md"), text)
            else:
                text = front(title, summary, stamp_lines(*en)) + body
                write(os.path.join(ok, "Translations", lang, pid + ".md"), text)
            plain = front(title, summary) + body
            src_bytes += len(plain.encode("utf-8"))
            n_words += len(body.split())
            write(os.path.join(hg, "content", pid + suffix + ".md"), plain)
            if with_mkdocs:
                write(os.path.join(mk, "docs", pid + suffix + ".md"), plain)
    write(os.path.join(hg, "hugo.toml"), hugo_toml())
    for name, text in [("baseof", HUGO_BASEOF), ("single", HUGO_SINGLE), ("list", HUGO_LIST)]:
        write(os.path.join(hg, "layouts", "_default", name + ".html"), text)
    write(os.path.join(hg, "layouts", "_default", "_markup", "render-link.html"), HUGO_RENDER_LINK)
    if with_mkdocs:
        write(os.path.join(mk, "mkdocs.yml"), mkdocs_yml())
    return {"n": n, "specs": specs, "units": n_units, "dirs": {"openkey": ok, "hugo": hg, "mkdocs": mk},
            "bytes": src_bytes, "words": n_words}


# ---------------------------------------------------------------------------------------------------------
# 4. Running the tools.

def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns (stdout+stderr of the tool, wall s, user+sys CPU s, peak RSS MB)."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, cwd=cwd)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        fail(f"command failed ({r.returncode}): {' '.join(cmd)}\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    user = re.search(r"User time \(seconds\): ([0-9.]+)", r.stderr)
    sys_t = re.search(r"System time \(seconds\): ([0-9.]+)", r.stderr)
    cpu = float(user.group(1)) + float(sys_t.group(1)) if user and sys_t else float("nan")
    return r.stdout + r.stderr, wall, cpu, (int(rss.group(1)) / 1024 if rss else float("nan"))


def build_cmd(tool, course, out, force=False):
    if tool == "openkey":
        return [OPENKEY, "build", course, "--output", out] + (["--force"] if force else [])
    if tool == "hugo":
        return ["hugo", "--source", course, "--destination", out]
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", os.path.join(course, "mkdocs.yml"),
            "--site-dir", out]


def page_html(tool, out, lang, pid):
    if tool == "openkey":
        return os.path.join(out, lang, pid + ".html")
    return os.path.join(out, pid + ".html") if lang == "en" else os.path.join(out, lang, pid + ".html")


HREF_MD = re.compile(r'href="[^"]*\.md(#[^"]*)?"')


def check_site(tool, course, out, log):
    """The build must have written exactly n × 4 page HTML files, each in its language with its links resolved."""
    n, specs = course["n"], course["specs"]
    if tool == "openkey":
        m = re.search(r"built (\d+) pages \((\d+) warnings?\)", log)
        if not m or int(m.group(1)) != n:
            fail(f"OpenKey: expected 'built {n} pages' in its output, got:\n{log[-2000:]}")
        if int(m.group(2)) != 0:
            fail(f"OpenKey: the synthetic course should build without warnings:\n{log[-3000:]}")
        pattern = [os.path.join(out, lang, "unit-*", "page-*.html") for lang in LANGS]
    else:
        pattern = [os.path.join(out, "unit-*", "page-*.html")] + \
                  [os.path.join(out, lang, "unit-*", "page-*.html") for lang in LANGS[1:]]
    found = sum(len(glob.glob(p)) for p in pattern)
    if found != n * len(LANGS):
        fail(f"{TOOL_LABELS[tool]}: {found} page HTML files, expected {n} × {len(LANGS)} = {n * len(LANGS)}")
    problems = []
    for spec in specs:
        pid = page_id(spec["i"])
        for lang in LANGS:
            path = page_html(tool, out, lang, pid)
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            except OSError as e:
                problems.append(f"{path}: {e}")
                continue
            if title_of(spec, lang) not in text:
                problems.append(f"{path}: title {title_of(spec, lang)!r} missing")
            if f'lang="{lang}"' not in text:
                problems.append(f'{path}: lang="{lang}" missing')
            for j in spec["links"]:
                target = page_id(j).split("/")[1] + ".html"
                if not re.search(r'href="[^"]*' + re.escape(target) + r'(#[^"]*)?"', text):
                    problems.append(f"{path}: no link to {target}")
            if HREF_MD.search(text):
                problems.append(f"{path}: unresolved .md link {HREF_MD.search(text).group(0)}")
            if tool == "openkey" and "<math" not in text:
                problems.append(f"{path}: no MathML")
            if len(problems) > 10:
                break
        if len(problems) > 10:
            break
    if problems:
        fail(f"{TOOL_LABELS[tool]}: the site is not what the course says:\n  " + "\n  ".join(problems[:10]))
    html_files = sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    return {"pages": found, "html": html_files, "mb": size / 1e6}


def verify_stamps(course):
    """The stamps computed here must be what OpenKey computes: every translation current, and on a few pages
    `mark-current` must leave the file byte for byte as it is."""
    ok, n = course["dirs"]["openkey"], course["n"]
    for lang in LANGS[1:]:
        r = subprocess.run([OPENKEY, "translations", ok, "--lang", lang, "--fail-on", "stale"],
                           capture_output=True, text=True)
        m = re.search(rf"^{lang} \([^)]*\)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", r.stdout, re.M)
        if r.returncode != 0 or not m or tuple(int(x) for x in m.groups()) != (n, 0, 0, 0):
            fail(f"`openkey translations --lang {lang} --fail-on stale` does not report {n} current translations "
                 f"(exit {r.returncode}):\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    for i in sorted({0, n // 2, n - 1}):
        pid = page_id(i)
        path = os.path.join(ok, "Translations", "es", pid + ".md")
        before = open(path, "rb").read()
        r = subprocess.run([OPENKEY, "translations", "mark-current", "es", pid, "--course", ok],
                           capture_output=True, text=True)
        after = open(path, "rb").read()
        if after != before:
            with open(path, "wb") as f:
                f.write(before)
        if r.returncode != 0 or after != before:
            fail(f"the stamp of {path} differs from what `openkey translations mark-current` writes "
                 f"(exit {r.returncode}):\n{r.stderr[-1500:]}")


# ---------------------------------------------------------------------------------------------------------
# 5. Setup.

def ensure_openkey():
    stale = None
    if os.path.exists(OPENKEY):
        built = os.path.getmtime(OPENKEY)
        for d, _, files in os.walk(os.path.join(ROOT_DIR, "Sources")):
            for f in files:
                if os.path.getmtime(os.path.join(d, f)) > built:
                    stale = os.path.join(d, f)
                    break
            if stale:
                break
        if os.path.getmtime(os.path.join(ROOT_DIR, "Package.swift")) > built:
            stale = "Package.swift"
    if not os.path.exists(OPENKEY) or stale:
        why = "missing" if not os.path.exists(OPENKEY) else f"older than {os.path.relpath(stale, ROOT_DIR)}"
        print(f"building openkey (release; the binary is {why}) ...", flush=True)
        r = subprocess.run(["make", "build"], cwd=ROOT_DIR)
        if r.returncode != 0:
            fail("swift build failed")


def ensure_tools(need_mkdocs):
    if not shutil.which("/usr/bin/time"):
        fail("/usr/bin/time is missing (apt-get install time)")
    if not shutil.which("hugo"):
        if os.geteuid() != 0:
            fail("hugo is missing: sudo apt-get install -y hugo")
        print("installing hugo (apt-get) ...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        r = subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], env=env)
        if r.returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=env)
            r = subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], env=env)
        if r.returncode != 0 or not shutil.which("hugo"):
            fail("installing hugo failed")
    if need_mkdocs:
        missing = []
        for pkg in ["mkdocs", "mkdocs-material", "mkdocs-static-i18n"]:
            try:
                importlib.metadata.version(pkg)
            except importlib.metadata.PackageNotFoundError:
                missing.append(pkg)
        if missing:
            print(f"installing {' '.join(missing)} (pip) ...", flush=True)
            r = subprocess.run([sys.executable, "-m", "pip", "install", "-q"] + missing)
            if r.returncode != 0:
                fail("pip install failed")


def versions(need_mkdocs):
    out = {}
    out["openkey"] = subprocess.run([OPENKEY, "--version"], capture_output=True, text=True).stdout.strip()
    hv = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    m = re.match(r"hugo v(\S+)", hv)
    out["hugo"] = "hugo " + (m.group(1) if m else hv)
    if need_mkdocs:
        v = importlib.metadata.version
        out["mkdocs"] = (f"mkdocs {v('mkdocs')}, mkdocs-material {v('mkdocs-material')}, "
                         f"mkdocs-static-i18n {v('mkdocs-static-i18n')}, pymdown-extensions "
                         f"{v('pymdown-extensions')} (Python {platform.python_version()})")
    return out


def machine():
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return os.cpu_count(), nproc, model, mem


def loadavg():
    try:
        return " / ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


# ---------------------------------------------------------------------------------------------------------

def fmt(x, digits=2):
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def span(xs, digits=2):
    return f"{min(xs):.{digits}f}–{max(xs):.{digits}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="250,1000,2500", help="comma-separated page counts (default 250,1000,2500)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="smoke run: --sizes 50 --repeats 1")
    ap.add_argument("--mkdocs-max", type=int, default=1000, help="run MkDocs only up to this many pages (slow)")
    ap.add_argument("--seed", type=int, default=2718)
    args = ap.parse_args()
    sizes = [50] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    repeats = 1 if args.quick else args.repeats
    if repeats < 1:
        fail("--repeats must be at least 1")
    if not sizes or min(sizes) < 10:
        fail("every size must be at least 10 pages")
    sizes = sorted(set(sizes))
    need_mkdocs = any(n <= args.mkdocs_max for n in sizes)

    ensure_tools(need_mkdocs)
    ensure_openkey()
    tool_versions = versions(need_mkdocs)
    load_start = loadavg()
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")

    results = {}   # (n, tool, mode) -> {"wall": [...], "cpu": [...], "rss": [...]}
    sites = {}     # (n, tool) -> check_site result
    courses = {}
    for n in sizes:
        tools = [t for t in TOOLS if t != "mkdocs" or n <= args.mkdocs_max]
        base = os.path.join(CACHE, str(n))
        print(f"\n== {n} pages × {len(LANGS)} languages: generating the course in {base} ...", flush=True)
        t0 = time.perf_counter()
        course = generate(n, args.seed, base, "mkdocs" in tools)
        print(f"  {n * len(LANGS)} pages, {course['words'] / 1e6:.2f} M words, {course['bytes'] / 1e6:.1f} MB of "
              f"Markdown per layout, in {time.perf_counter() - t0:.1f} s", flush=True)
        verify_stamps(course)
        print(f"  translation stamps verified with `openkey translations` and `mark-current`", flush=True)
        courses[n] = course
        outs = {t: os.path.join(base, "out", t) for t in tools}

        # Correctness first: one untimed full build of each tool (also warms the page cache).
        for tool in tools:
            shutil.rmtree(outs[tool], ignore_errors=True)
            log, wall, _, _ = timed(build_cmd(tool, course["dirs"][tool], outs[tool]))
            sites[(n, tool)] = check_site(tool, course, outs[tool], log)
            s = sites[(n, tool)]
            print(f"  check {TOOL_LABELS[tool]:<26} ok: {s['pages']} page HTML files ({s['html']} HTML in all, "
                  f"{s['mb']:.0f} MB) in {wall:.2f} s", flush=True)

        edit_rel = page_id(n // 2) + ".md"
        edit_files = {"openkey": os.path.join(course["dirs"]["openkey"], "Content", edit_rel),
                      "hugo": os.path.join(course["dirs"]["hugo"], "content", edit_rel),
                      "mkdocs": os.path.join(course["dirs"]["mkdocs"], "docs", edit_rel)}
        originals = {t: open(edit_files[t], encoding="utf-8").read() for t in tools}
        for mode in MODES:
            mode_tools = [t for t in tools if mode not in OPENKEY_ONLY or t == "openkey"]
            for tool in mode_tools:
                results[(n, tool, mode)] = {"wall": [], "cpu": [], "rss": []}
            for k in range(repeats):
                for tool in mode_tools:
                    if mode == "full":
                        shutil.rmtree(outs[tool], ignore_errors=True)
                    elif mode == "edit-one":
                        write(edit_files[tool], originals[tool] + "\n" + EDIT_SENTENCE.format(k=k + 1) + "\n")
                    log, wall, cpu, rss = timed(build_cmd(tool, course["dirs"][tool], outs[tool], force=mode == "forced"))
                    if tool == "openkey":
                        # Up to date exactly when nothing changed; an edited page's text updates the site in place;
                        # otherwise a complete build with no warning.
                        expected = {"no-change": r"\d+ pages up to date",
                                    "edit-one": r"updated 1 edited page of \d+ \(\d+ files? of the site changed, 0 warnings\)"
                                    }.get(mode, r"built \d+ pages \(0 warnings\)")
                        if not re.search(expected, log):
                            fail(f"OpenKey ({MODE_LABELS[mode]}): expected /{expected}/ in its output, got:\n{log[-1500:]}")
                    r = results[(n, tool, mode)]
                    r["wall"].append(wall)
                    r["cpu"].append(cpu)
                    r["rss"].append(rss)
            if mode == "edit-one":
                for tool in tools:
                    write(edit_files[tool], originals[tool])
                # the edit must have reached the site
                for tool in tools:
                    path = page_html(tool, outs[tool], "en", page_id(n // 2))
                    if f"Edit number {repeats}" not in open(path, encoding="utf-8").read():
                        fail(f"{TOOL_LABELS[tool]}: the edited page {path} does not show the edit")
            for tool in mode_tools:
                r = results[(n, tool, mode)]
                print(f"  {TOOL_LABELS[tool]:<26} {MODE_LABELS[mode]:<30} median {statistics.median(r['wall']):7.2f} s"
                      f"  peak RSS {statistics.median(r['rss']):6.0f} MB", flush=True)

    cpus, nproc, model, mem = machine()
    med = lambda n, t, m, what="wall": statistics.median(results[(n, t, m)][what]) if (n, t, m) in results else None
    lines = []
    lines.append("# Site benchmark: OpenKey against Hugo and MkDocs")
    lines.append("")
    lines.append("Generated by `bench/site/run.py` (`make bench`); do not edit.")
    lines.append("")
    lines.append(f"- Machine: {model}, {cpus} logical CPUs (nproc = {nproc}), {mem}; {platform.system()} "
                 f"{platform.release()}. Load average (1/5/15 min) at start {load_start}, at end {loadavg()} "
                 f"(other work may have been running). Run {started}.")
    lines.append(f"- Tools: {tool_versions['openkey']} (`{os.path.relpath(OPENKEY, ROOT_DIR)}`, release); "
                 f"{tool_versions['hugo']}" + (f"; {tool_versions['mkdocs']}" if "mkdocs" in tool_versions else "")
                 + ".")
    lines.append(f"- Course: synthetic (seed {args.seed}), N pages × {len(LANGS)} languages "
                 f"({', '.join(LANGS)}; en is the source), the same text in each tool's layout; paths/sections of "
                 f"{PATH_SIZE} pages. Each page: front matter (title, summary), 3 `##` and 1 `###` headings, "
                 f"paragraphs, a 5-item list, a fenced Python block, a 3×4 pipe table, 3 inline TeX formulas, 3 "
                 f"relative `.md` links to other pages of the same language. Per layout: "
                 + "; ".join(f"N = {n}: {courses[n]['words'] / 1e6:.2f} M words, {courses[n]['bytes'] / 1e6:.1f} MB"
                             for n in sizes) + ". Generated under " + f"`{CACHE}/N/`.")
    lines.append(f"- What each tool does: **OpenKey** `build COURSE --output DIR`: checks every link and path, "
                 f"TeX → MathML, Python highlighting, search index, language switcher, paths pages; the stamps "
                 f"make every translation current. It writes the whole site into a new folder beside the output "
                 f"and swaps it in (files the old site holds byte for byte are hard-linked). When no input file "
                 f"(Content, Translations, Exercises, Site, the program, the options) and no output file changed "
                 f"since its last build without warnings, it stops after checking their stamps (size, times, "
                 f"inode): the no-change row; with `--force` it rebuilds everything (the --force row). After a page "
                 f"edit it reads, renders and checks only that page and its translations, against a snapshot of "
                 f"its last clean build, and replaces only the files that show it (the page in each language's "
                 f"tree where it changed, the search index); an edit of front matter, headings, exercises or any "
                 f"other file makes a complete build. **Hugo** `hugo --source "
                 f"--destination`: minimal templates (`baseof`, `single`, `list`, a link render hook resolving "
                 f"`.md` links with `GetPage`, failing on a broken one), language switcher, Chroma highlighting, "
                 f"TeX left as text, no search; uglyURLs + relativeURLs (offline-usable); taxonomies, RSS and "
                 f"sitemap off; a rebuild overwrites the existing output. **MkDocs** `mkdocs build`: Material with "
                 f"`navigation.prune`, search plugin, mkdocs-static-i18n (suffix), pymdownx highlight + "
                 f"superfences + arithmatex (TeX wrapped for client-side MathJax, not converted); "
                 f"`use_directory_urls: false`; `mkdocs build` empties the output first, so a no-change rebuild "
                 f"is a full build. MkDocs only for N ≤ {args.mkdocs_max}.")
    lines.append(f"- Method: {repeats} timed run(s) per tool, build kind and N, each its own process under "
                 f"`/usr/bin/time -v`; tools run round-robin within each repeat. Before timing, one untimed "
                 f"build per tool (page cache warm) must produce exactly N × 4 page HTML files, each with its "
                 f"title, `lang`, its 3 links resolved to `.html` (none left as `.md`) and, for OpenKey, MathML "
                 f"and 0 warnings. full = output folder removed first; no-change = build again into the existing "
                 f"output; edit-one = one English page gets one more sentence (a different one each run) before "
                 f"the build. Wall = whole process; CPU = user + system time; peak RSS = maximum resident set "
                 f"size.")
    lines.append("")
    lines.append("| N pages (× 4 langs) | tool | build | wall median [s] | wall min–max [s] | CPU median [s] "
                 "| peak RSS median [MB] | peak RSS min–max [MB] |")
    lines.append("|---:|---|---|---:|---:|---:|---:|---:|")
    for n in sizes:
        for tool in TOOLS:
            for mode in MODES:
                if (n, tool, mode) not in results:
                    continue
                r = results[(n, tool, mode)]
                lines.append(f"| {n} | {TOOL_LABELS[tool]} | {MODE_LABELS[mode]} | {statistics.median(r['wall']):.2f} "
                             f"| {span(r['wall'])} | {statistics.median(r['cpu']):.2f} "
                             f"| {statistics.median(r['rss']):.0f} | {span(r['rss'], 0)} |")
    lines.append("")
    lines.append("Ratios (OpenKey / other, medians; < 1 means OpenKey is faster or smaller):")
    lines.append("")
    lines.append("| N | build | OpenKey/Hugo time | OpenKey/Hugo peak RSS | OpenKey/MkDocs time "
                 "| OpenKey/MkDocs peak RSS |")
    lines.append("|---:|---|---:|---:|---:|---:|")
    for n in sizes:
        for mode in MODES:
            cells = []
            for other in ["hugo", "mkdocs"]:
                for what in ["wall", "rss"]:
                    a, b = med(n, "openkey", mode, what), med(n, other, "no-change" if mode == "forced" else mode, what)
                    cells.append(fmt(a / b) if a is not None and b else "—")
            lines.append(f"| {n} | {MODE_LABELS[mode]} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("(For “no-change rebuild, --force” the other tools' no-change rebuild is the comparison.)")
    lines.append("")
    lines.append("A rebuild after editing one page, as a share of the same tool's full build (medians):")
    lines.append("")
    lines.append("| N | " + " | ".join(TOOL_LABELS[t] for t in TOOLS) + " |")
    lines.append("|---:|" + "---:|" * len(TOOLS))
    for n in sizes:
        cells = []
        for tool in TOOLS:
            a, b = med(n, tool, "edit-one"), med(n, tool, "full")
            cells.append(f"{100 * a / b:.0f} %" if a is not None and b else "—")
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Growth with N (full build, median wall time; per 1000 source pages, each in 4 languages; "
                 "exponent b of t ∝ N^b between consecutive sizes, 1 = linear):")
    lines.append("")
    lines.append("| tool | N | full build [s] | s per 1000 pages | CPU s per 1000 pages | exponent vs previous N |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for tool in TOOLS:
        prev = None
        for n in sizes:
            t = med(n, tool, "full")
            if t is None:
                continue
            c = med(n, tool, "full", "cpu")
            expo = fmt(math.log(t / prev[1]) / math.log(n / prev[0])) if prev else "—"
            lines.append(f"| {TOOL_LABELS[tool]} | {n} | {t:.2f} | {t / n * 1000:.2f} | {c / n * 1000:.2f} | {expo} |")
            prev = (n, t)
    lines.append("")
    lines.append("Output checked before timing:")
    lines.append("")
    lines.append("| N | tool | page HTML files (N × 4) | HTML files in all | output size [MB] |")
    lines.append("|---:|---|---:|---:|---:|")
    for n in sizes:
        for tool in TOOLS:
            if (n, tool) in sites:
                s = sites[(n, tool)]
                lines.append(f"| {n} | {TOOL_LABELS[tool]} | {s['pages']} | {s['html']} | {s['mb']:.1f} |")
    lines.append("")
    text = "\n".join(lines)
    with open(RESULTS, "w") as f:
        f.write(text)
    print()
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
