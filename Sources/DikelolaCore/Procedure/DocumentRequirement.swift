/// What a required document (kelengkapan) named in an SOP is, so the engine knows whether the
/// proposal already has it. Some the system makes from its own data (the item list, the test
/// sheets, the decree); the rest officers upload.
public enum DocumentRequirement: Hashable, Sendable {
    /// The list of items itself ("Form daftar informasi yang akan dikecualikan", "Draft Daftar
    /// Informasi yang dikecualikan", "Daftar Informasi Publik", "Data Informasi").
    case itemList
    /// The consequence test sheets ("Lembar pengujian konsekuensi").
    case testSheets
    /// The classification decree ("SK informasi yang dikecualikan"): made by Dikelola at the decree
    /// step, or, before it, uploaded (an earlier decree of the PPID Pembantu).
    case decree
    /// The memo ordering coordination ("Nota Dinas"), recorded at the step that issues it or uploaded.
    case memo
    /// The Tim Pertimbangan's letter ("Surat pertimbangan"): its recorded opinion or an upload.
    case panelOpinion
    /// The items' own documents ("Informasi dan Dokumen"): each exempted item has a soft copy or a
    /// recorded hard-copy location.
    case itemDocuments
    /// Anything else ("Bahan Informasi"): a file uploaded under that name.
    case upload

    public init(name: String) {
        let text = " " + name.lowercased() + " "
        func has(_ words: String...) -> Bool { words.contains { text.contains($0) } }
        if has("pengujian konsekuensi", "uji konsekuensi") {
            self = .testSheets
        } else if has(" sk ", "surat keputusan", "surat penetapan") {
            self = .decree
        } else if has("nota dinas") {
            self = .memo
        } else if has("surat pertimbangan") {
            self = .panelOpinion
        } else if has("informasi dan dokumen") {
            self = .itemDocuments
        } else if has("daftar informasi", "data informasi") {
            self = .itemList
        } else {
            self = .upload
        }
    }
}
