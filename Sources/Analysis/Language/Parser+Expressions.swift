import Diagnostics

extension Parser {
    /// expression := or; precedence from loosest: or, and, not, comparison, + -, * / %, unary -, **, postfix [ ].
    mutating func expression() throws(Diagnostic) -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maxDepth else {
            throw .error("ana.too-deep", "expression nested more than \(Parser.maxDepth) levels deep", at: current.location)
        }
        return try logical(level: 0)
    }

    private func isOperator(_ token: Token, _ word: String) -> Bool { token.isSymbol(word) || token.isKeyword(word) }

    private mutating func logical(level: Int) throws(Diagnostic) -> Expr {
        let word = level == 0 ? "or" : "and"
        var left = level == 0 ? try logical(level: 1) : try negation()
        while isOperator(current, word) {
            let at = advance().location
            let right = level == 0 ? try logical(level: 1) : try negation()
            left = .binary(word == "or" ? .or : .and, left, right, at)
        }
        return left
    }

    private mutating func negation() throws(Diagnostic) -> Expr {
        if isOperator(current, "not") {
            let at = advance().location
            return try nested { (p: inout Parser) throws(Diagnostic) in .unary(.not, try p.negation(), at) }
        }
        return try comparison()
    }

    private mutating func comparison() throws(Diagnostic) -> Expr {
        let left = try additive()
        for op in [BinaryOp.equal, .notEqual, .lessEqual, .greaterEqual, .less, .greater] where current.isSymbol(op.rawValue) {
            let at = advance().location
            let right = try additive()
            for next in [BinaryOp.equal, .notEqual, .lessEqual, .greaterEqual, .less, .greater] where current.isSymbol(next.rawValue) {
                throw .error("ana.syntax", "comparisons cannot be chained", at: current.location,
                             hint: "write a < x and x < b")
            }
            return .binary(op, left, right, at)
        }
        if current.isSymbol("=") {
            throw .error("ana.syntax", "'=' is not a comparison", at: current.location, hint: "use '==' to compare")
        }
        return left
    }

    private mutating func additive() throws(Diagnostic) -> Expr {
        var left = try multiplicative()
        while current.isSymbol("+") || current.isSymbol("-") {
            let token = advance()
            left = .binary(token.isSymbol("+") ? .add : .subtract, left, try multiplicative(), token.location)
        }
        return left
    }

    private mutating func multiplicative() throws(Diagnostic) -> Expr {
        var left = try unary()
        while current.isSymbol("*") || current.isSymbol("/") || current.isSymbol("%") {
            let token = advance()
            let op: BinaryOp = token.isSymbol("*") ? .multiply : token.isSymbol("/") ? .divide : .remainder
            left = .binary(op, left, try unary(), token.location)
        }
        return left
    }

    private mutating func unary() throws(Diagnostic) -> Expr {
        if current.isSymbol("-") {
            let at = advance().location
            return try nested { (p: inout Parser) throws(Diagnostic) in .unary(.negate, try p.unary(), at) }
        }
        if current.isSymbol("+") { _ = advance(); return try unary() }
        return try power()
    }

    private mutating func power() throws(Diagnostic) -> Expr {
        let base = try postfix()
        if current.isSymbol("**") {
            let at = advance().location
            return .binary(.power, base, try nested { (p: inout Parser) throws(Diagnostic) in try p.unary() }, at)
        }
        return base
    }

    private mutating func postfix() throws(Diagnostic) -> Expr {
        var expr = try primary()
        while current.isSymbol("[") {
            let at = advance().location
            if current.isSymbol(":") {
                _ = advance()
                let upper = current.isSymbol("]") ? nil : try expression()
                try expectSymbol("]", "closing the slice")
                expr = .slice(expr, nil, upper, at)
                continue
            }
            let inner = try expression()
            if current.isSymbol(":") {
                _ = advance()
                let upper = current.isSymbol("]") ? nil : try expression()
                try expectSymbol("]", "closing the slice")
                expr = .slice(expr, inner, upper, at)
            } else {
                try expectSymbol("]", "closing the index")
                expr = .index(expr, inner, at)
            }
        }
        return expr
    }

    private mutating func primary() throws(Diagnostic) -> Expr {
        let token = current
        switch token.kind {
        case let .number(value, isInteger):
            _ = advance()
            return .number(value, isInteger: isInteger, token.location)
        case .identifier(let name):
            _ = advance()
            guard current.isSymbol("(") else { return .name(name, token.location) }
            _ = advance()
            var arguments: [Expr] = []
            while !current.isSymbol(")") {
                arguments.append(try expression())
                guard arguments.count <= 16 else { throw .error("ana.arguments", "too many arguments to \(name)()", at: token.location) }
                if current.isSymbol(",") { _ = advance() } else { break }
            }
            try expectSymbol(")", "closing the call to \(name)(")
            return .call(name, arguments, token.location)
        case .symbol("("):
            _ = advance()
            let inner = try expression()
            try expectSymbol(")", "closing the parenthesis")
            return inner
        default:
            throw .error("ana.syntax", "expected a value, a column name or a function call, found \(token.display)", at: token.location)
        }
    }

    /// Runs a recursive rule with the nesting depth counted, so hostile input cannot overflow the stack.
    private mutating func nested(_ body: (inout Parser) throws(Diagnostic) -> Expr) throws(Diagnostic) -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maxDepth else {
            throw .error("ana.too-deep", "expression nested more than \(Parser.maxDepth) levels deep", at: current.location)
        }
        return try body(&self)
    }

    /// How tightly an operator binds (higher binds tighter), for putting brackets back when printing.
    static func precedence(_ op: BinaryOp) -> Int {
        switch op {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return 4
        case .add, .subtract: return 5
        case .multiply, .divide, .remainder: return 6
        case .power: return 8
        }
    }

    /// The expression as a reader would write it (default names of filters and histograms), brackets where needed.
    static func text(of expr: Expr) -> String {
        func operand(_ e: Expr, _ parent: Int, right: Bool) -> String {
            switch e {
            case let .binary(op, _, _, _):
                let p = precedence(op)
                return p < parent || (p == parent && right) ? "(\(text(of: e)))" : text(of: e)
            case .unary(.not, _, _) where parent > 3: return "(\(text(of: e)))"
            default: return text(of: e)
            }
        }
        switch expr {
        case let .number(v, _, _): return Lexer.format(v)
        case let .name(n, _): return n
        case let .unary(op, e, _):
            let inner: String
            if case .binary = e { inner = "(\(text(of: e)))" } else { inner = text(of: e) }
            return op == .negate ? "-\(inner)" : "not \(inner)"
        case let .binary(op, l, r, _):
            let p = precedence(op)
            return "\(operand(l, p, right: false)) \(op.rawValue) \(operand(r, p, right: true))"
        case let .call(f, args, _): return "\(f)(\(args.map(text(of:)).joined(separator: ", ")))"
        case let .index(e, i, _): return "\(text(of: e))[\(text(of: i))]"
        case let .slice(e, a, b, _): return "\(text(of: e))[\(a.map(text(of:)) ?? ""):\(b.map(text(of:)) ?? "")]"
        }
    }
}
