import Grading
import Localization
import Publishing

/// A student's feedback as one self-contained HTML page (`students/<id>.html`): inline CSS, no script,
/// nothing fetched. Every student- or exercise-derived string is escaped: submissions are untrusted
/// and their text reaches the page through error messages.
enum FeedbackPage {
    /// - Parameters:
    ///   - ui: the student's UI strings (labels and statuses); check titles and messages are the exercise's own.
    ///   - language: the student's language, for `lang` and `dir`.
    static func html(student: String, name: String? = nil, grade: Grade, exercise: Exercise,
                     ui: [String: String] = UIStrings.english, language: String = "en") -> String {
        func t(_ key: String) -> String { HTML.escape(ui[key] ?? UIStrings.english[key] ?? key) }
        let who = name.map { "\(HTML.escape($0)) (\(HTML.escape(student)))" } ?? HTML.escape(student)
        var body = ["<h1>\(HTML.escape(exercise.title))</h1>",
                    "<p class=\"student\">\(t("feedback.student")): <strong>\(who)</strong></p>",
                    "<p class=\"score\">\(t("feedback.score")): <strong>\(grade.score) / \(grade.maxScore)</strong></p>",
                    "<ol class=\"checks\">"]
        for check in grade.checks {
            let status = check.status.rawValue
            body.append("<li class=\"check \(status)\">")
            body.append("<h2>\(HTML.escape(check.title)) <span class=\"status\">\(t("feedback.status.\(status)"))</span>"
                        + " <span class=\"points\">\(check.points) / \(check.maxPoints)</span></h2>")
            if !check.message.isEmpty {
                body.append("<p class=\"message\">\(HTML.escape(check.message))</p>")
            }
            if !check.details.isEmpty {
                body.append("<ul class=\"details\">" + check.details.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
            }
            body.append("</li>")
        }
        body.append("</ol>")
        return document(title: "\(exercise.title): \(student)", body: body, language: language)
    }

    /// The page around `body`. The content security policy forbids scripts and network requests, a second
    /// guard behind the escaping.
    static func document(title: String, body: [String], language: String = "en") -> String {
        let head = [
            "<!DOCTYPE html>",
            "<html lang=\"\(HTML.escape(language))\" dir=\"\(LanguageInfo.direction(language))\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTML.escape(title))</title>",
            "<style>\(style)</style>",
            "</head>",
            "<body>",
        ]
        return (head + body + ["</body>", "</html>"]).map { $0 + "\n" }.joined()
    }

    private static let style = """
        body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}\
        h1{font-size:1.5rem}h2{font-size:1.1rem;margin:0 0 .3rem}\
        .score{font-size:1.2rem}.checks{padding-inline-start:1.2rem}\
        .check{border-inline-start:4px solid #999;padding:.4rem .8rem;margin:.8rem 0;background:#f7f7f7}\
        .check.passed{border-color:#2e7d32}.check.partial{border-color:#f9a825}\
        .check.failed,.check.missing,.check.error{border-color:#c62828}\
        .status{font-size:.8rem;text-transform:uppercase;color:#555}.points{float:inline-end}\
        .details{font-family:ui-monospace,monospace;font-size:.85rem;white-space:pre-wrap}\
        table{border-collapse:collapse}th,td{padding:.2rem .6rem;text-align:start;border-bottom:1px solid #ddd}
        """
}
