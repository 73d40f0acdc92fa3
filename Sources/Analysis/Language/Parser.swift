import Diagnostics

/// Parses tokens into a `Program`. Stops a statement at its first error and goes on with the next line,
/// so one run reports every malformed statement.
struct Parser {
    static let maxDepth = 64

    var tokens: [Token]
    var position = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    var histogramCount = 0

    init(tokens: [Token]) { self.tokens = tokens }

    var current: Token { tokens[min(position, tokens.count - 1)] }
    mutating func advance() -> Token { let t = current; if position < tokens.count - 1 { position += 1 }; return t }

    mutating func expectSymbol(_ s: String, _ context: String) throws(Diagnostic) {
        guard current.isSymbol(s) else {
            throw .error("ana.syntax", "expected '\(s)' \(context), found \(current.display)", at: current.location)
        }
        _ = advance()
    }

    mutating func expectIdentifier(_ context: String) throws(Diagnostic) -> (String, SourceLocation) {
        guard let name = current.identifier else {
            throw .error("ana.syntax", "expected \(context), found \(current.display)", at: current.location)
        }
        let t = advance()
        return (name, t.location)
    }

    mutating func expectString(_ context: String) throws(Diagnostic) -> String {
        guard case .string(let s) = current.kind else {
            throw .error("ana.syntax", "expected a quoted string \(context), found \(current.display)", at: current.location,
                         hint: "write it in double quotes, e.g. \"two leptons\"")
        }
        _ = advance()
        return s
    }

    mutating func expectNumber(_ context: String) throws(Diagnostic) -> Double {
        var sign = 1.0
        if current.isSymbol("-") { _ = advance(); sign = -1 }
        guard case .number(let n, _) = current.kind else {
            throw .error("ana.syntax", "expected a number \(context), found \(current.display)", at: current.location)
        }
        _ = advance()
        return sign * n
    }

    // MARK: - Program

    static let statementKeywords = ["sample", "luminosity", "filter", "define", "histogram", "report"]

    static func parse(_ tokens: [Token], path: String) -> (Program, [Diagnostic]) {
        var parser = Parser(tokens: tokens)
        var program = Program(path: path)
        while parser.current.kind != .end {
            if parser.current.kind == .newline { _ = parser.advance(); continue }
            do throws(Diagnostic) {
                try parser.statement(into: &program)
                guard parser.current.kind == .newline || parser.current.kind == .end else {
                    throw Diagnostic.error("ana.syntax", "unexpected \(parser.current.display) after the statement", at: parser.current.location)
                }
            } catch {
                parser.diagnostics.append(error)
                while parser.current.kind != .newline && parser.current.kind != .end { _ = parser.advance() }
            }
        }
        return (program, parser.diagnostics)
    }

    mutating func statement(into program: inout Program) throws(Diagnostic) {
        let (keyword, location) = try expectIdentifier("a statement (\(Parser.statementKeywords.joined(separator: ", ")))")
        switch keyword {
        case "sample": program.samples.append(try sample(at: location))
        case "luminosity":
            let value = try expectNumber("after 'luminosity' (in fb⁻¹)")
            guard value > 0 else { throw .error("ana.luminosity", "luminosity must be positive", at: location) }
            guard program.luminosity == nil else { throw .error("ana.luminosity", "luminosity is declared twice", at: location) }
            program.luminosity = value
        case "filter":
            let condition = try expression()
            var name = Parser.text(of: condition)
            if current.isKeyword("as") { _ = advance(); name = try expectString("naming the filter") }
            program.statements.append(.filter(condition, name: name, location))
        case "define":
            let (name, _) = try expectIdentifier("the name of the new column")
            try expectSymbol("=", "after the name in 'define'")
            program.statements.append(.define(name, try expression(), location))
        case "histogram": program.statements.append(.histogram(try histogram(at: location)))
        case "report":
            let (function, at) = try expectIdentifier("an aggregate (\(ReportAggregate.allCases.map(\.rawValue).joined(separator: ", ")))")
            guard let aggregate = ReportAggregate(rawValue: function) else {
                throw Diagnostic.error("ana.report", "unknown aggregate '\(function)'", at: at,
                                       hint: "report one of: \(ReportAggregate.allCases.map { "\($0.rawValue)(…)" }.joined(separator: ", "))")
                    .suggesting(function, from: ReportAggregate.allCases.map(\.rawValue))
            }
            try expectSymbol("(", "after '\(function)'")
            var argument: Expr?
            if !current.isSymbol(")") { argument = try expression() }
            try expectSymbol(")", "closing '\(function)('")
            if aggregate == .count && argument != nil { throw .error("ana.report", "count() takes no argument: it counts events", at: at) }
            if aggregate != .count && argument == nil { throw .error("ana.report", "\(function)() needs an expression", at: at) }
            var name = argument.map { "\(function)(\(Parser.text(of: $0)))" } ?? "\(function)()"
            if current.isKeyword("as") { _ = advance(); name = try expectString("naming the result") }
            program.statements.append(.report(aggregate, argument, name: name, location))
        default:
            throw Diagnostic.error("ana.unknown-statement", "unknown statement '\(keyword)'", at: location,
                                   hint: "statements are: \(Parser.statementKeywords.joined(separator: ", "))")
                .suggesting(keyword, from: Parser.statementKeywords)
        }
    }

    mutating func sample(at location: SourceLocation) throws(Diagnostic) -> SampleDecl {
        let (name, _) = try expectIdentifier("the sample's name")
        let path = try expectString("with the sample's file")
        var decl = SampleDecl(name: name, path: path, tree: nil, role: .data, label: name, color: nil, weight: nil, location: location)
        var roleGiven = false
        while current.kind != .newline && current.kind != .end {
            let (option, at) = try expectIdentifier("a sample option (tree, role, label, color, weight)")
            switch option {
            case "tree": decl.tree = try expectString("after 'tree'")
            case "label": decl.label = try expectString("after 'label'")
            case "color", "colour": decl.color = try expectString("after 'color'")
            case "weight": decl.weight = try expression()
            case "role":
                let (text, roleAt) = try expectIdentifier("a role (data, signal, background)")
                guard let role = SampleDecl.Role(rawValue: text) else {
                    throw Diagnostic.error("ana.role", "unknown role '\(text)'", at: roleAt, hint: "use data, signal or background")
                        .suggesting(text, from: SampleDecl.Role.allCases.map(\.rawValue))
                }
                decl.role = role
                roleGiven = true
            default:
                throw Diagnostic.error("ana.syntax", "unknown sample option '\(option)'", at: at, hint: "options are: tree, role, label, color, weight")
                    .suggesting(option, from: ["tree", "role", "label", "color", "weight"])
            }
        }
        if !roleGiven && decl.weight != nil { decl.role = .background }
        return decl
    }

    static let maxBins = 100_000

    mutating func histogram(at location: SourceLocation) throws(Diagnostic) -> HistogramDecl {
        let expr = try expression()
        histogramCount += 1
        var name: String
        if case .name(let n, _) = expr { name = n } else { name = "h\(histogramCount)" }
        var edges: [Double] = []
        var decl = HistogramDecl(name: name, expr: expr, edges: [], title: Parser.text(of: expr), xLabel: Parser.text(of: expr),
                                 yLabel: nil, logY: false, location: location)
        while current.kind != .newline && current.kind != .end {
            let (option, at) = try expectIdentifier("a histogram option (bins, edges, title, xlabel, ylabel, log, as)")
            switch option {
            case "bins":
                let count = try expectNumber("of bins")
                guard current.isKeyword("from") else { throw .error("ana.syntax", "expected 'from' after the bin count", at: current.location) }
                _ = advance()
                let low = try expectNumber("after 'from'")
                guard current.isKeyword("to") else { throw .error("ana.syntax", "expected 'to' after 'from'", at: current.location) }
                _ = advance()
                let high = try expectNumber("after 'to'")
                guard count >= 1, count == count.rounded(), count <= Double(Parser.maxBins) else {
                    throw .error("ana.bins", "the bin count must be a whole number from 1 to \(Parser.maxBins)", at: at)
                }
                guard high > low else { throw .error("ana.bins", "'to' must be greater than 'from'", at: at) }
                let n = Int(count)
                edges = (0...n).map { low + (high - low) * Double($0) / Double(n) }
            case "edges":
                try expectSymbol("[", "after 'edges'")
                var list: [Double] = []
                while !current.isSymbol("]") {
                    list.append(try expectNumber("in the list of edges"))
                    guard list.count <= Parser.maxBins + 1 else { throw .error("ana.bins", "more than \(Parser.maxBins) bins", at: at) }
                    if current.isSymbol(",") { _ = advance() } else { break }
                }
                try expectSymbol("]", "closing the list of edges")
                guard list.count >= 2, zip(list, list.dropFirst()).allSatisfy({ $0 < $1 }) else {
                    throw .error("ana.bins", "edges must be at least two numbers in increasing order", at: at)
                }
                edges = list
            case "title": decl.title = try expectString("after 'title'")
            case "xlabel": decl.xLabel = try expectString("after 'xlabel'")
            case "ylabel": decl.yLabel = try expectString("after 'ylabel'")
            case "log": decl.logY = true
            case "as": decl.name = try expectIdentifier("the histogram's name").0
            default:
                throw Diagnostic.error("ana.syntax", "unknown histogram option '\(option)'", at: at)
                    .suggesting(option, from: ["bins", "edges", "title", "xlabel", "ylabel", "log", "as"])
            }
        }
        guard !edges.isEmpty else {
            throw .error("ana.bins", "histogram '\(name)' needs its binning", at: location,
                         hint: "add 'bins 30 from 0 to 140' or 'edges [0, 10, 20, 50]'")
        }
        decl.edges = edges
        return decl
    }
}
