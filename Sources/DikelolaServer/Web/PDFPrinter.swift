import Foundation
import Vapor

/// Prints a document page (decree, test sheet, register) to an A4 PDF with the server's headless
/// Chromium (Debian's `chromium` package): the page's own HTML with the stylesheet inlined and the
/// letterhead logo embedded, written to a private temporary folder, printed with no network and
/// no header or footer of the browser's own (the stylesheet numbers the pages). At most two print
/// at once, so a burst of requests cannot exhaust the server's memory.
enum PDFPrinter {
    enum Failure: Error, CustomStringConvertible {
        case unavailable
        case failed(String)

        var description: String {
            switch self {
            case .unavailable:
                "PDF belum dapat dibuat di server ini: Chromium tidak terpasang (paket Debian chromium, atau atur DIKELOLA_CHROMIUM). "
                    + "Sementara itu cetak dari peramban: Ctrl+P lalu Simpan sebagai PDF."
            case let .failed(reason):
                "PDF gagal dibuat: \(reason). Cetak dari peramban (Ctrl+P) sebagai gantinya."
            }
        }
    }

    static let timeout: Duration = .seconds(60)
    private static let gate = PrintGate(slots: 2)

    /// The first Chromium on `path` (a PATH value).
    static func findChromium(path: String) -> URL? {
        ExecutableSearch.first(named: ["chromium", "chromium-browser", "google-chrome"], in: ExecutableSearch.folders(ofPath: path))
    }

    /// The page's HTML made self-contained: stylesheet inline, scripts removed, images inlined.
    static func selfContained(_ html: String, images: [String: (bytes: [UInt8], type: String)]) -> String {
        var page = html.replacingOccurrences(
            of: #"<link rel="stylesheet" href="\#(SiteURL.stylesheet.path)" type="text/css"/>"#,
            with: "<style>\(Stylesheet.css)</style>")
        page = page.replacingOccurrences(of: #"<script src="\#(SiteURL.script.path)" defer="defer"></script>"#, with: "")
        for (path, image) in images {
            page = page.replacingOccurrences(
                of: #"src="\#(path)""#, with: #"src="data:\#(image.type);base64,\#(Data(image.bytes).base64EncodedString())""#)
        }
        return page
    }

    /// Prints `html` to PDF; every failure is counted (`dikelola_pdf_failures_total` on /metrics).
    static func print(html: String, chromium: URL?) async throws -> [UInt8] {
        do {
            return try await render(html: html, chromium: chromium)
        } catch {
            DikelolaMetrics.pdfFailures.increment()
            throw error
        }
    }

    private static func render(html: String, chromium: URL?) async throws -> [UInt8] {
        guard let chromium else { throw Failure.unavailable }
        await gate.enter()
        defer { Task { await gate.leave() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dikelola-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("dokumen.html")
        let output = folder.appendingPathComponent("dokumen.pdf")
        try Data(html.utf8).write(to: source)

        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", "--mute-audio", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=\(folder.appendingPathComponent("profil").path)", "--no-pdf-header-footer",
            "--print-to-pdf=\(output.path)", source.absoluteString,
        ]
        let log = folder.appendingPathComponent("chromium.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        // Chromium's own files (crash reports, caches) go into the temporary folder, not the
        // service's home, which is the data folder.
        var environment = ProcessInfo.processInfo.environment
        for name in ["HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"] { environment[name] = folder.path }
        process.environment = environment

        let status: Int32 = try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                    process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                    do { try process.run() } catch {
                        process.terminationHandler = nil
                        continuation.resume(throwing: Failure.failed("Chromium tidak dapat dijalankan (\(error))"))
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            if first == nil, process.isRunning {
                process.terminate()  // timed out
            }
            group.cancelAll()
            guard let first else { throw Failure.failed("Chromium tidak selesai dalam \(timeout)") }
            return first
        }
        guard status == 0, let data = FileManager.default.contents(atPath: output.path), data.starts(with: Array("%PDF".utf8))
        else {
            let detail = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
            throw Failure.failed("Chromium berhenti dengan kode \(status) \(detail)")
        }
        return Array(data)
    }

    /// The PDF as a download named `filename`.
    static func response(_ bytes: [UInt8], filename: String) -> Response {
        let response = Response(status: .ok, body: .init(buffer: ByteBuffer(bytes: bytes)))
        response.headers.contentType = .pdf
        response.headers.replaceOrAdd(name: .contentDisposition, value: Downloads.contentDisposition("inline", name: filename))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// A counting semaphore for async code.
actor PrintGate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int) { free = slots }

    func enter() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
