/// The kind of a document an SOP step requires (kelengkapan) or produces (keluaran), stated in the
/// definition (`kind:`), so the engine knows whether the proposal already has it. Some the system
/// makes from its own data (the item list, the test sheets, the decree); some officers record
/// (the memo, the panel's opinion, the items' copies); the rest officers upload.
public enum DocumentRequirement: String, CaseIterable, Hashable, Sendable {
    /// The list of items itself ("Form daftar informasi yang akan dikecualikan", "Data Informasi").
    case itemList
    /// The consequence test sheets ("Lembar pengujian konsekuensi").
    case testSheets
    /// The classification decree ("SK informasi yang dikecualikan"): made by Dikelola at the
    /// decree step; a step before it that names it is satisfied by that step.
    case decree
    /// The memo ordering coordination ("Nota Dinas"), recorded at the step that issues it.
    case memo
    /// The Tim Pertimbangan's letter ("Surat pertimbangan"): its recorded opinion.
    case panelOpinion
    /// The items' own documents ("Informasi dan Dokumen"): each exempted item has a soft copy or a
    /// recorded hard-copy location.
    case itemDocuments
    /// Anything else ("Bahan Informasi"): a file uploaded under that name.
    case upload

    /// Whether an officer's file can stand for it: an upload, or a scan of the memo or the panel's
    /// letter. What the system makes from its data (the list, the sheets, the decree) cannot be
    /// replaced by a file.
    public var acceptsUpload: Bool { self == .upload || self == .memo || self == .panelOpinion }

    public var indonesian: String {
        switch self {
        case .itemList: "daftar informasi (dibuat sistem dari data)"
        case .testSheets: "lembar uji konsekuensi (dibuat sistem)"
        case .decree: "surat penetapan (dibuat sistem)"
        case .memo: "nota dinas (dicatat)"
        case .panelOpinion: "pertimbangan Tim Pertimbangan (dicatat)"
        case .itemDocuments: "salinan atau lokasi dokumen setiap informasi"
        case .upload: "berkas yang diunggah"
        }
    }

    /// A guess from a document's name, offered by `sop check` when a definition does not state
    /// the kind; the engine itself never guesses.
    public static func guess(name: String) -> DocumentRequirement {
        let text = " " + name.lowercased() + " "
        func has(_ words: String...) -> Bool { words.contains { text.contains($0) } }
        if has("pengujian konsekuensi", "uji konsekuensi") { return .testSheets }
        if has(" sk ", "surat keputusan", "surat penetapan") { return .decree }
        if has("nota dinas") { return .memo }
        if has("surat pertimbangan") { return .panelOpinion }
        if has("informasi dan dokumen") { return .itemDocuments }
        if has("daftar informasi", "data informasi", "daftar usulan") { return .itemList }
        return .upload
    }
}
