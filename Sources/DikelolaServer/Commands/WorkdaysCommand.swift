import DikelolaCore
import Vapor

/// `dikelola workdays add DATE N` and `dikelola workdays between START END`: the working-day
/// calendar on the command line, for officers checking a deadline and for scripts.
struct WorkdaysCommand: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["add": WorkdaysAdd(), "between": WorkdaysBetween()]
    let help = "Menghitung hari kerja ASN (Senin–Jumat, tanpa libur nasional dan cuti bersama).\nCounts civil-service working days."
}

/// Shared parsing for the two subcommands. They read their arguments raw because a negative day
/// count ("-30") would otherwise be taken for an option.
private struct WorkdaysArguments {
    var positional: [String] = []
    var assumeWeekdays = false

    init(_ input: CommandInput) throws(WorkdaysUsageError) {
        for argument in input.arguments {
            if argument == "--assume-weekdays" {
                assumeWeekdays = true
            } else if argument.hasPrefix("--") {
                throw .unknownOption(argument)
            } else {
                positional.append(argument)
            }
        }
    }

    var policy: WorkingDayCalendar.MissingDataPolicy { assumeWeekdays ? .assumeWeekdaysOnly : .refuse }

    static func date(_ text: String, name: String) throws(WorkdaysUsageError) -> LocalDate {
        guard let date = LocalDate(iso: text) else { throw .invalidDate(name: name, value: text) }
        return date
    }
}

enum WorkdaysUsageError: Error, CustomStringConvertible {
    case unknownOption(String)
    case invalidDate(name: String, value: String)
    case invalidCount(String)
    case wrongArgumentCount(usage: String)

    var description: String {
        switch self {
        case let .unknownOption(option): "Opsi \(option) tidak dikenal; yang ada: --assume-weekdays."
        case let .invalidDate(name, value): "\(name) '\(value)' bukan tanggal yang ada; tulis TTTT-BB-HH, misalnya 2026-12-31."
        case let .invalidCount(value): "Jumlah hari kerja '\(value)' harus bilangan bulat, misalnya 30 atau -30."
        case let .wrongArgumentCount(usage): "Penggunaan: \(usage)"
        }
    }
}

private func printResult<Value>(_ result: WorkingDayResult<Value>, _ text: String, context: CommandContext) {
    context.console.output(text.consoleText())
    if result.isProvisional {
        let years = result.yearsWithoutData.map(String.init).joined(separator: ", ")
        context.console.warning(
            "Sementara: belum ada data hari libur tahun \(years); hari kerja di tahun itu dihitung Senin–Jumat, kecuali hari libur nasional bertanggal tetap.")
    }
}

/// A `workdays` subcommand: reads its raw arguments in `compute`; usage errors and calendar
/// errors reach the user as a `CommandFailure`.
protocol WorkdaysSubcommand: AnyAsyncCommand {
    static var usage: String { get }
    func compute(_ context: CommandContext) async throws
}

extension WorkdaysSubcommand {
    func run(using context: inout CommandContext) async throws {
        let context = context
        try await failingClearly { try await compute(context) }
    }

    func outputHelp(using context: inout CommandContext) {
        context.console.output("Penggunaan: \(Self.usage)\n\(help)".consoleText())
    }
}

struct WorkdaysAdd: WorkdaysSubcommand {
    static let usage = "dikelola workdays add TANGGAL JUMLAH [--assume-weekdays]"
    let help = "Tanggal JUMLAH hari kerja sesudah TANGGAL (sebelum bila negatif), misalnya: workdays add 2026-12-31 -30\nThe date COUNT working days after DATE (before if negative)."

    func compute(_ context: CommandContext) async throws {
        let arguments = try WorkdaysArguments(context.input)
        guard arguments.positional.count == 2 else { throw WorkdaysUsageError.wrongArgumentCount(usage: Self.usage) }
        let start = try WorkdaysArguments.date(arguments.positional[0], name: "Tanggal")
        guard let count = Int(arguments.positional[1]) else { throw WorkdaysUsageError.invalidCount(arguments.positional[1]) }
        let calendar = context.application.dikelola.calendar
        let result = try calendar.adding(count, workingDaysTo: start, policy: arguments.policy)
        printResult(
            result, "\(result.value.iso)  (\(result.value.weekday.indonesianName), \(IndonesianFormat.date(result.value)))",
            context: context)
    }
}

struct WorkdaysBetween: WorkdaysSubcommand {
    static let usage = "dikelola workdays between MULAI SAMPAI [--assume-weekdays]"
    let help = "Jumlah hari kerja dari MULAI sampai dengan SAMPAI, kedua tanggal ikut dihitung.\nWorking days from START to END, both included."

    func compute(_ context: CommandContext) async throws {
        let arguments = try WorkdaysArguments(context.input)
        guard arguments.positional.count == 2 else { throw WorkdaysUsageError.wrongArgumentCount(usage: Self.usage) }
        let start = try WorkdaysArguments.date(arguments.positional[0], name: "Tanggal mulai")
        let end = try WorkdaysArguments.date(arguments.positional[1], name: "Tanggal sampai")
        let result = try context.application.dikelola.calendar.workingDays(from: start, through: end, policy: arguments.policy)
        printResult(result, "\(result.value)", context: context)
    }
}
