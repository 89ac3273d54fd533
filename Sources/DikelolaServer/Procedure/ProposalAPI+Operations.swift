import Vapor

/// The operations of `/api/v1/`: each registered from here and described in the OpenAPI document
/// from the same value (see `APIOperation`).
extension ProposalAPIController {
    private typealias Op = APIOperation

    private static let proposal = APISchema.ref("Proposal")
    private static let decree = APISchema.ref("Decree")
    private static let blocked = Op.Answer.refused(422, "Refused: a field named in fields, or the law or the SOP (the error says which)")
    private static let notFound = Op.Answer.refused(404, "No such record, or not yours to see")
    private static let stale = Op.Answer.refused(409, "Not possible at this step, or changed meanwhile")

    var operations: [APIOperation] {
        proposals + items + steps + decrees + registers + imports
    }

    private var imports: [APIOperation] {
        [
            Op(
                method: .GET, url: .apiImport(nil),
                summary: "A register brought in from a spreadsheet: every row read, with its findings (the preview)",
                answers: [.ok(.ref("ImportDraft")), Self.notFound], handler: ImportAPI.show),
            Op(
                method: .POST, url: .apiImportConfirm(nil),
                summary:
                    "Import the accepted rows in one transaction and publish one new version; refused (409) when the "
                    + "preview no longer has the number of accepted rows given",
                request: .json(.ref("ImportConfirmation")),
                answers: [.created(.ref("ImportDone")), Self.blocked, Self.notFound, Self.stale], handler: ImportAPI.confirm),
        ]
    }

    private var proposals: [APIOperation] {
        [
            Op(
                method: .POST, url: .apiUnitProposals(nil), summary: "Open a proposal in the unit's SOP",
                request: .json(.ref("OpenProposal")), answers: [.created(Self.proposal), Self.blocked, Self.notFound, Self.stale],
                handler: open),
            Op(
                method: .GET, url: .apiUnitProposals(nil), summary: "Proposals of a unit, newest first",
                answers: [.ok(.array(.ref("ProposalSummary"))), Self.notFound], handler: list),
            Op(
                method: .GET, url: .apiProposal(nil), summary: "A proposal: its step, items, tests and history",
                answers: [.ok(Self.proposal), Self.notFound], handler: show),
            Op(
                method: .PUT, url: .apiProposalMemo(nil), summary: "Record the memo (nota dinas) of an instruct step",
                request: .json(.ref("Memo")), answers: [.ok(Self.proposal), Self.blocked, Self.notFound, Self.stale],
                handler: memo),
            Op(
                method: .PUT, url: .apiProposalMeeting(nil),
                summary: "Record the consequence-test meeting: date, place and participants, a PPID among them",
                request: .json(.ref("Meeting")), answers: [.ok(Self.proposal), Self.blocked, Self.notFound, Self.stale],
                handler: meeting),
            Op(
                method: .PUT, url: .apiProposalOpinion(nil), summary: "Record the Tim Pertimbangan's opinion",
                request: .json(.ref("Opinion")), answers: [.ok(Self.proposal), Self.blocked, Self.notFound, Self.stale],
                handler: opinion),
            Op(
                method: .POST, url: .apiProposalDocuments(nil),
                summary: "Attach a required document or an item's soft copy (multipart, the file last)",
                request: .multipart(.ref("DocumentUpload")),
                answers: [.created(Self.proposal), Self.blocked, Self.notFound, .refused(413, "The file is over the limit")],
                bodyLimit: .upload, handler: attach),
        ]
    }

    private var items: [APIOperation] {
        [
            Op(
                method: .POST, url: .apiProposalItems(nil), summary: "Add an information item (while the list is being made)",
                request: .json(.ref("Item")), answers: [.created(Self.proposal), Self.blocked, Self.notFound, Self.stale],
                handler: addItem),
            Op(
                method: .PUT, url: .apiProposalItem(nil, nil), summary: "Correct an item (while the list is being made)",
                request: .json(.ref("Item")), answers: [.ok(Self.proposal), Self.blocked, Self.notFound, Self.stale],
                handler: updateItem),
            Op(
                method: .DELETE, url: .apiProposalItem(nil, nil), summary: "Remove an item and its copies (while the list is being made)",
                answers: [.ok(Self.proposal), Self.notFound, Self.stale], handler: removeItem),
            Op(
                method: .PUT, url: .apiItemTest(nil, nil), summary: "Record the consequence test of an item",
                request: .json(.ref("Test")),
                answers: [.ok(Self.proposal), .refused(422, "The test breaks the law or misses a part"), Self.notFound, Self.stale],
                handler: recordTest),
            Op(
                method: .PUT, url: .apiItemLocation(nil, nil), summary: "Record where the hard copy is kept",
                request: .json(.ref("Location")), answers: [.ok(Self.proposal), Self.blocked, Self.notFound], handler: setLocation),
        ]
    }

    private var steps: [APIOperation] {
        [
            Op(
                method: .POST, url: .apiProposalStep(nil, nil),
                summary: "Complete the current step (a decision step: agree, or disagree with a note)",
                request: .json(.ref("StepCompletion")),
                answers: [
                    .ok(Self.proposal), .refused(409, "Not the current step, or changed meanwhile"),
                    .refused(422, "Blocked: missing documents or tests, or a note missing"), Self.notFound,
                ], handler: complete)
        ]
    }

    private var decrees: [APIOperation] {
        [
            Op(
                method: .GET, url: .apiDecree(nil), summary: "A classification decree with its register (DIK) attachment",
                answers: [.ok(Self.decree), Self.notFound], handler: decree),
            Op(
                method: .PUT, url: .apiDecreeNumber(nil), summary: "Correct the decree's number (unique per body)",
                request: .json(.ref("DecreeNumber")),
                answers: [.ok(Self.decree), .refused(409, "The number is in use"), Self.blocked, Self.notFound], handler: renumber),
            Op(
                method: .POST, url: .apiDecreeScan(nil), summary: "Upload the signed scan (multipart: file); its SHA-256 is kept",
                request: .multipart(.ref("ScanUpload")),
                answers: [.created(Self.decree), Self.blocked, Self.notFound, .refused(413, "The file is over the limit")],
                bodyLimit: .upload, handler: uploadScan),
            Op(
                method: .GET, url: .apiDecreeScan(nil), summary: "Download the signed scan (the download is audited)",
                answers: [.file("The scan as uploaded"), Self.notFound], handler: downloadScan),
        ]
    }

    private var registers: [APIOperation] {
        [
            Op(
                method: .GET, url: .apiUnitRegister(nil), summary: "The unit's register (DIK), by end of period",
                answers: [.ok(.array(.ref("RegisterEntry"))), Self.notFound], handler: unitRegister),
            Op(
                method: .GET, url: .apiBodyRegister(nil), summary: "The body's register (DIK), by end of period",
                answers: [.ok(.array(.ref("RegisterEntry"))), Self.notFound], handler: bodyRegister),
        ]
    }
}
