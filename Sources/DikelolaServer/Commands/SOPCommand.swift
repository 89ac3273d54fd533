import DikelolaCore
import Foundation
import Vapor

/// `dikelola sop list` and `dikelola sop check FILE…`.
struct SOPCommand: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["list": SOPList(), "check": SOPCheck()]
    let help = "Definisi SOP Pendokumentasian Informasi yang Dikecualikan.\nThe SOP definitions."
}

struct SOPList: AsyncCommand {
    struct Signature: CommandSignature {}
    let help = "Menampilkan definisi SOP yang dikenal: nomor, badan publik, nama, jumlah langkah.\nLists the known SOP definitions."

    func run(using context: CommandContext, signature: Signature) async throws {
        let definitions = context.application.dikelola.sopLibrary.definitions
        let rows = definitions.map { sop in
            [
                sop.id, sop.identity.number, sop.identity.body + (sop.identity.unit.map { " — \($0)" } ?? ""),
                sop.identity.name, "\(sop.steps.count) langkah",
            ]
        }
        let header = ["ID", "NOMOR", "BADAN PUBLIK — UNIT", "NAMA SOP", "LANGKAH"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            let line = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
            context.console.output(line.consoleText())
        }
        context.console.output("\(definitions.count) definisi SOP.".consoleText())
    }
}

struct SOPCheck: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas definisi SOP (.yaml)")
        var file: String
    }

    let help = "Memeriksa satu berkas definisi SOP dan melaporkan setiap masalah beserta baris dan kolomnya.\nChecks an SOP definition file and reports each problem with its line and column."

    func run(using context: CommandContext, signature: Signature) async throws {
        try await failingClearly { try check(signature.file, console: context.console) }
    }

    private func check(_ file: String, console: any Console) throws {
        let url = URL(fileURLWithPath: file)
        let result = try SOPDefinition.check(contentsOf: url)
        for problem in result.problems {
            let line = "\(file):\(problem)"
            if problem.severity == .error { console.error(line) } else { console.warning(line) }
        }
        guard let definition = result.definition else {
            throw SOPCheckFailed(file: file, errorCount: result.errors.count)
        }
        console.success(
            "\(file): baik — \(definition.id), \(definition.steps.count) langkah"
                + (result.warnings.isEmpty ? "" : ", \(result.warnings.count) peringatan") + ".")
    }
}

struct SOPCheckFailed: Error, CustomStringConvertible {
    let file: String
    let errorCount: Int
    var description: String { "\(file): \(errorCount) kesalahan; definisi SOP tidak dapat dipakai." }
}
