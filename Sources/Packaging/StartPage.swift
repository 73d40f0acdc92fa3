import Curriculum
import Localization
import Publishing

/// `START-HERE.html`: the first thing on the key. Self-contained (inline style, no script), in every language of
/// the course, one section each, with links into the site and the commands for the tool.
enum StartPage {
    static func html(course: Course?, translations: CourseTranslations?, teacher: Bool, tools: Bool) -> String {
        let e = HTML.escape
        let title = course?.site.title ?? "OpenKey"
        let languages = course?.site.languages ?? ["en"]
        let multilingual = languages.count > 1
        var sections: [String] = []
        for code in languages {
            let ui = translations?.ui(for: code) ?? UIStrings.english
            func t(_ key: String) -> String { e(ui[key] ?? UIStrings.english[key] ?? key) }
            let prefix = multilingual ? "\(code)/" : ""
            let name = translations?.name(of: code) ?? code
            var s = "<section lang=\"\(e(code))\" dir=\"\(LanguageInfo.direction(code))\" id=\"\(e(code))\">\n"
            if multilingual { s += "<h2>\(e(name))</h2>\n" }
            s += "<p class=\"open\"><a href=\"site/\(prefix)index.html\">\(t("key.openCourse"))</a>"
            if teacher { s += " · <a href=\"teacher-site/\(prefix)index.html\">\(t("teacherEdition"))</a>" }
            s += "</p>\n<p>\(t("key.intro"))</p>\n<h3>\(t("key.onTheKey"))</h3>\n<ul>\n"
            s += "<li><code>site/</code> — \(t("key.site"))</li>\n"
            if teacher { s += "<li><code>teacher-site/</code> — \(t("key.teacherSite"))</li>\n" }
            s += "<li><code>data/</code> — \(t("key.data"))</li>\n<li><code>exercises/</code> — \(t("key.exercises"))</li>\n"
            if tools { s += "<li><code>openkey</code> — \(t("key.tools"))</li>\n" }
            s += "</ul>\n"
            if tools {
                s += "<p>\(t("key.toolsHow"))</p>\n<pre dir=\"ltr\"><code>./openkey run exercises/z-boson-mass/starter.ana --data data\n"
                s += "./openkey check exercises/z-boson-mass my-analysis.ana</code></pre>\n"
            }
            s += "<p>\(t("key.verify"))</p>\n<pre dir=\"ltr\"><code>\(tools ? "./openkey verify ." : "sha256sum -c SHA256SUMS")</code></pre>\n</section>\n"
            sections.append(s)
        }
        let nav = multilingual
            ? "<nav><ul>" + languages.map { "<li><a href=\"#\(e($0))\" lang=\"\(e($0))\">\(e(translations?.name(of: $0) ?? $0))</a></li>" }.joined() + "</ul></nav>\n"
            : ""
        let source = course?.site.sourceLanguage ?? "en"
        return """
            <!DOCTYPE html>
            <html lang="\(e(source))" dir="\(LanguageInfo.direction(source))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d232b;background:#fbfaf7}\
            h1{font-size:1.8rem}nav ul{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}\
            nav a,.open a{display:inline-block;padding:.4rem .9rem;border:1px solid #a9a294;border-radius:999px;text-decoration:none}\
            .open a{background:#1a5a9e;color:#fff;font-weight:700}section{border-block-start:1px solid #dcd8cf;margin-block-start:1.5rem}\
            pre{background:#f1efea;padding:.6rem;overflow-x:auto}a{color:#1a5a9e}</style>
            </head>
            <body>
            <h1>\(e(title))</h1>
            \(nav)\(sections.joined())</body>
            </html>

            """
    }
}
