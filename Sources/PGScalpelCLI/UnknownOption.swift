import ArgumentParser
import FoundationEssentials
import Support

/// The option a command does not have, looked for whenever parsing fails.
/// ArgumentParser decodes the options it knows before it looks at the rest, so
/// `cat x --tabel users` was reported as a missing `--table`, not as the typo
/// that caused it. The options are read from the description ArgumentParser
/// publishes for tools (`--experimental-dump-help`), so none is listed twice.
enum UnknownOption {
    /// `unknown option '--tabel'; did you mean '--table'?`, for the first option
    /// of `arguments` (without the program's name) that the command lacks.
    static func error(in arguments: [String], of root: ParsableCommand.Type) -> ValidationError? {
        var arguments = arguments[...]
        var command = root
        if let name = arguments.first,
           let subcommand = root.configuration.subcommands.first(where: { $0.configuration.commandName == name }) {
            command = subcommand
            arguments.removeFirst()
        }
        guard let options = try? options(of: command) else { return nil }
        var valueFollows = false
        for argument in arguments {
            if valueFollows {
                valueFollows = false
                continue
            }
            if argument == "--" { break }
            let isLong = argument.hasPrefix("--") && argument.count > 2
            let letters = argument.dropFirst()
            let isShort = !isLong && argument.hasPrefix("-") && !letters.isEmpty && letters.allSatisfy(\.isLetter)
            guard isLong || isShort else { continue }
            let name = isLong ? String(argument.prefix { $0 != "=" }) : argument
            if let takesValue = options[name] {
                valueFollows = takesValue && !argument.contains("=")
                continue
            }
            // `-as` is `-a -s`; `-tabel` is `--table` typed with one dash.
            if isShort && letters.count > 1, letters.allSatisfy({ options["-\($0)"] != nil }) {
                valueFollows = options["-\(letters.last!)"] == true
                continue
            }
            let known = options.keys.filter { $0.hasPrefix("--") }
            let close = closestNames(to: isShort ? "-" + name : name, among: Array(known), limit: 1)
            return ValidationError("unknown option '\(name)'" + (close.first.map { "; did you mean '\($0)'?" } ?? ""))
        }
        return nil
    }

    /// Every spelling of every option and flag, and whether a value follows it.
    private static func options(of command: ParsableCommand.Type) throws -> [String: Bool] {
        let tool = try JSONDecoder().decode(Tool.self, from: Data(command._dumpHelp().utf8))
        var options: [String: Bool] = [:]
        for argument in tool.command.arguments ?? [] where argument.kind != "positional" {
            for name in argument.names ?? [] {
                options[(name.kind == "short" ? "-" : "--") + name.name] = argument.kind == "option"
            }
        }
        return options
    }

    private struct Tool: Decodable {
        struct Command: Decodable { var arguments: [Argument]? }
        struct Argument: Decodable {
            struct Name: Decodable { var kind: String, name: String }
            var kind: String
            var names: [Name]?
        }
        var command: Command
    }
}
