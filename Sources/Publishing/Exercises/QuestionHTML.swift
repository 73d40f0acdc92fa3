import Analysis
import Curriculum
import Grading

/// Questions of an exercise as forms a student answers in the page, offline (Site/assets/openkey.js checks them).
///
/// In the student edition the answer key is not in the page in the clear: each accepted answer is stored as a salted
/// FNV-1a digest of its normalised text (for numbers: of the tolerance-sized step it falls in). This keeps a student
/// from reading the answer off the page source; it does not stop someone who tries every choice (which clicking
/// does anyway) or who hashes candidate numbers. The justifications shown after answering are in the page.
/// The teacher edition shows the answers.
enum QuestionHTML {
    static func render(_ check: Check, question: Question, exerciseID: String, edition: Edition,
                       ui: [String: String] = UIStrings.english) -> String {
        let e = HTML.escape
        func t(_ key: String) -> String { e(ui[key] ?? UIStrings.english[key] ?? key) }
        let salt = hex(fnv1a("openkey|\(exerciseID)|\(check.id)"))
        let formID = "q-\(exerciseID)-\(check.id)"
        var out = "<form class=\"question\" id=\"\(e(formID))\" data-salt=\"\(salt)\" data-msg-choose=\"\(t("question.chooseFirst"))\""
            + " data-msg-number=\"\(t("question.typeNumber"))\" data-msg-yes=\"\(t("question.correct"))\" data-msg-no=\"\(t("question.wrong"))\">\n"
        if !check.title.isEmpty { out += "<p class=\"question-title\">\(e(check.title))</p>\n" }
        out += "<p class=\"question-prompt\">\(e(question.prompt))</p>\n"
        switch question.answer {
        case .choices(let choices):
            let correct = choices.filter(\.correct).map { digest(salt, $0.text) }
            out += "<div class=\"question-choices\" data-kind=\"choice\" data-accept=\"\(correct.joined(separator: " "))\">\n"
            for (index, choice) in choices.enumerated() {
                out += "<label><input type=\"radio\" name=\"\(e(formID))\" value=\"\(e(choice.text))\"> \(e(choice.text))</label>\n"
                if let why = choice.why {
                    out += "<p class=\"question-why\" data-choice=\"\(index)\" hidden>\(e(why))</p>\n"
                }
            }
            out += "</div>\n"
            if edition == .teacher, let right = choices.first(where: \.correct) {
                out += "<p class=\"question-key\">\(t("question.answer")): \(e(right.text))</p>\n"
            }
        case .number(let value, let tolerance):
            let allowance = tolerance.allowance(for: value)
            let step = allowance > 0 ? allowance / 2 : max(abs(value) * 1e-9, 1e-12)
            let low = Int(((value - allowance) / step).rounded(.up)), high = Int(((value + allowance) / step).rounded(.down))
            let accepted = low <= high && high - low <= 64 ? (low...high).map { digest(salt, String($0)) } : [digest(salt, String(Int((value / step).rounded())))]
            out += "<div class=\"question-number\" data-kind=\"number\" data-step=\"\(step)\" data-accept=\"\(accepted.joined(separator: " "))\">\n"
            out += "<label>\(t("question.yourAnswer")) <input type=\"number\" step=\"any\" inputmode=\"decimal\"></label>\n</div>\n"
            if edition == .teacher {
                out += "<p class=\"question-key\">\(t("question.answer")): \(e(ResultText.format(value))) (\(e(tolerance.text)))</p>\n"
            }
        }
        out += "<button type=\"button\" class=\"button question-check\">\(t("question.check"))</button>\n"
        out += "<p class=\"question-result\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n"
        return out
    }

    /// Lowercased, spaces collapsed: how both sides normalise an answer before hashing.
    static func normalise(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    static func digest(_ salt: String, _ answer: String) -> String { hex(fnv1a(salt + "|" + normalise(answer))) }

    /// 32-bit FNV-1a over UTF-8, the same function as `fnv1a` in openkey.js.
    static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
