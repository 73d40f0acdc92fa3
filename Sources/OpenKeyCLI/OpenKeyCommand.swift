import Curriculum
import Diagnostics
import Foundation
import Publishing

/// The `openkey` command line. Exit codes: 0 success, 1 content or input errors, 2 usage errors.
public enum OpenKeyCommand {
    public static let version = "0.1.0"

    static let usage = """
    OpenKey \(version) — turns a folder of teaching material into an offline course site.

    Usage:
      openkey build [COURSE_DIR] [--output DIR] [--edition student|teacher] [--strict] [--timings] [--force]
      openkey check [COURSE_DIR] [--edition student|teacher] [--strict]
      openkey run FILE.ana [--data DIR] [--json] [--plot DIR] [--max-events N] [--threads N] [--timeout S]
      openkey export FILE.ana --to rdataframe|uproot|cpp [--distributed dask|spark] [--dask] [--data DIR] [-o FILE]
      openkey inspect FILE.root [--tree NAME] [--json] [--dump BRANCHES] [--entries A:B]
      openkey check EXERCISE SUBMISSION [--data DIR] [--plot DIR]
      openkey grade EXERCISE SUBMISSIONS_DIR --out DIR [--data DIR] [--roster FILE.csv] [--course DIR]
      openkey translations [COURSE_DIR] [--lang L] [--fail-on stale|missing|any]
      openkey translations start|mark-current L PAGE [--course DIR]
      openkey pack DEST [--course DIR] [--teacher] [--binary PATH] [--no-tools]
      openkey verify [KEY_DIR]
      openkey --help | --version

    Commands:
      build   Check the course in COURSE_DIR (default: .) and write the site to DIR (default: COURSE_DIR/_site).
              The site is written beside DIR first and swapped in at the end; on any error the old site stays.
              When no file of Content/, Translations/, Exercises/ or Site/ changed since the last build without
              warnings, and the site is as it left it, nothing is rebuilt (stamps in .openkey-cache/builds/).
      check   Run every check of build without writing anything.
      run     Check and run an analysis: print its cut flow, histograms and reported values (or JSON with --json).
      export  Write the analysis as an equivalent program for researchers' tools: ROOT RDataFrame (Python, or on
              ROOT's distributed backend with Dask or Spark), uproot + awkward + vector + hist (or with Dask),
              or a ROOT C++ macro. The program writes the same numbers in OpenKey's result format (--json).
      inspect List the trees and branches of a ROOT file (types, compression), or print some branches' values.
      check EXERCISE SUBMISSION
              Self-check: run a submission (.ana, or an answers file) against an exercise folder and print each check.
      grade   Grade a folder of submissions (one file or folder per student id) into DIR: a result JSON and
              feedback text per student, and gradebook.csv. Re-running gives identical files. With a roster
              (CSV: id, name, language) each feedback page is in the student's language, from the course's
              Translations/<lang>/ui.yml (the course is --course, or the folder two levels above EXERCISE).
      translations
              Report each language's translated, stale (with what changed) and missing pages and UI strings;
              start scaffolds a translation, mark-current records that it matches the current original.
      pack    Write an Open Key into DEST: START-HERE.html, the site (and the teacher edition with --teacher), the
              sample data, the exercises' starter files, this openkey program with its libraries, and SHA256SUMS.
      verify  Check a key against its SHA256SUMS: names missing, extra and corrupted files; exit 1 if any.

    Options:
      --output DIR       where to write the site
      --edition NAME     student (default from Content/site.yml) or teacher (adds teacher-only pages and notes)
      --strict           treat warnings (e.g. pages in no path) as errors
      --timings          after a build or check, print how long each stage took
      --force            build even if no input changed since the last successful build
    """

    /// Runs one invocation and returns the process exit code; output goes to the given streams.
    public static func run(_ argv: [String], stdout: (String) -> Void = { print($0) },
                           stderr: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
                           environment: [String: String] = ProcessInfo.processInfo.environment,
                           interactive: Bool = isatty(STDERR_FILENO) == 1) -> Int32 {
        let args: Arguments
        do {
            args = try Arguments.parse(argv, valued: ["--output", "-o", "--out", "--edition", "--data", "--plot", "--max-events", "--threads", "--timeout",
                                                        "--tree", "--dump", "--entries", "--plot-label",
                                                        "--lang", "--fail-on", "--course", "--roster", "--binary",
                                                        "--to", "--distributed"],
                                       flags: ["--strict", "--timings", "--force", "--help", "-h", "--version", "--json", "--teacher", "--no-tools", "--dask"])
        } catch {
            stderr("openkey: error: \(error.description)\n\n\(usage)")
            return 2
        }
        if args.flags.contains("--version") { stdout("openkey \(version)"); return 0 }
        if args.flags.contains("--help") || args.flags.contains("-h") || args.command == "help" { stdout(usage); return 0 }
        switch args.command {
        case "check" where args.positionals.count == 2:
            return CheckExerciseCommand.run(args, stdout: stdout, stderr: stderr)
        case "grade":
            return GradeCommand.run(args, stdout: stdout, stderr: stderr, interactive: interactive)
        case "build", "check":
            return build(args, checkOnly: args.command == "check", stdout: stdout, stderr: stderr,
                         environment: environment, interactive: interactive)
        case "run":
            return RunCommand.run(args, stdout: stdout, stderr: stderr)
        case "export":
            return ExportCommand.run(args, stdout: stdout, stderr: stderr)
        case "inspect":
            return InspectCommand.run(args, stdout: stdout, stderr: stderr)
        case "translations":
            return TranslationsCommand.run(args, stdout: stdout, stderr: stderr)
        case "pack":
            return KeyCommands.pack(args, stdout: stdout, stderr: stderr)
        case "verify":
            return KeyCommands.verify(args, stdout: stdout, stderr: stderr)
        case nil:
            stderr("openkey: error: missing command\n\n\(usage)")
            return 2
        case let other?:
            var message = "openkey: error: unknown command '\(other)'"
            if let best = Arguments.closest(other, ["build", "check", "run", "export", "inspect", "grade", "translations", "pack", "verify", "help"]) { message += ". Did you mean '\(best)'?" }
            stderr(message + "\n\n" + usage)
            return 2
        }
    }

    static func build(_ args: Arguments, checkOnly: Bool, stdout: (String) -> Void, stderr: (String) -> Void,
                      environment: [String: String], interactive: Bool) -> Int32 {
        guard args.positionals.count <= 1 else {
            stderr("openkey: error: too many arguments: \(args.positionals.joined(separator: " "))\n\n\(usage)")
            return 2
        }
        var edition: Edition?
        if let name = args.options["--edition"] {
            guard let e = Edition(rawValue: name) else {
                stderr("openkey: error: unknown edition '\(name)' (use student or teacher)")
                return 2
            }
            edition = e
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: args.positionals.first ?? ".", relativeTo: cwd).standardizedFileURL
        let output = (args.options["--output"] ?? args.options["-o"]).map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        if checkOnly && output != nil {
            stderr("openkey: error: check writes nothing; --output is only for build")
            return 2
        }
        var options = BuildOptions(courseRoot: root, output: output, edition: edition, strict: args.flags.contains("--strict"),
                                   checkOnly: checkOnly, environment: environment, showProgress: interactive)
        options.timings = args.flags.contains("--timings")
        options.force = args.flags.contains("--force")
        let result = BuildPipeline.run(options)
        if !result.diagnostics.isEmpty {
            stderr(DiagnosticFormatter.format(result.diagnostics))
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        guard result.succeeded else {
            stderr("openkey: build failed: \(DiagnosticFormatter.summary(errors: errors, warnings: warnings))"
                   + (checkOnly ? "" : "; the previous site, if any, is unchanged"))
            return 1
        }
        if checkOnly {
            stdout("openkey: \(result.pageCount) pages checked, \(DiagnosticFormatter.summary(errors: errors, warnings: warnings))")
        } else if result.upToDate, let index = result.index {
            stdout("openkey: \(result.pageCount) pages up to date (nothing changed since the last build; --force builds anyway): \(index.path)")
        } else if let updated = result.updated, let index = result.index {
            stdout("openkey: updated \(updated.pages) edited page\(updated.pages == 1 ? "" : "s") of \(result.pageCount) (\(updated.files) file\(updated.files == 1 ? "" : "s") of the site changed, 0 warnings): \(index.path)")
        } else if let index = result.index {
            stdout("openkey: built \(result.pageCount) pages (\(warnings) warning\(warnings == 1 ? "" : "s")): \(index.path)")
        }
        return 0
    }
}
