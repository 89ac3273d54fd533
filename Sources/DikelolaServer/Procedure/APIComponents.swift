import DikelolaCore
import Foundation

/// The bodies the API reads and answers, by name, as the OpenAPI document's `components`. Each
/// mirrors a Swift type: `ProposalService.ItemInput` (Item), `ProposalView` (Proposal),
/// `RegisterEntryView` (RegisterEntry), `DecreeView` (Decree), `PublicRegister` (PublicRegister).
enum APIComponents {
    static let all: [String: APISchema] = inputs.merging(answers) { a, _ in a }

    static let inputs: [String: APISchema] = [
        "ImportConfirmation": .object(["accepted": .integer(minimum: 0)], required: ["accepted"]),
        "Period": .object(
            [
                "kind": .string(values: ["length", "until", "event", "statute"]),
                "years": .integer(minimum: 0, maximum: PeriodLength.maximumYears),
                "months": .integer(minimum: 0, maximum: PeriodLength.maximumMonths),
                "days": .integer(minimum: 0, maximum: PeriodLength.maximumDays),
                "from": .date, "end": .date, "event": .text, "reviewOn": .date, "latestEnd": .date, "statute": .text,
            ], required: ["kind"]),
        "Item": .object(
            [
                "title": .text, "description": .text, "holdingUnitID": .uuid,
                "form": .string(values: InformationForm.allCases.map(\.rawValue)),
                "madeWhen": .text, "madeWhere": .text, "archiveCode": .text,
            ], required: ["title", "description", "form"]),
        "Test": .object(
            [
                "ground": .string(example: "Pasal 17 huruf h angka 2"), "otherStatute": .text,
                "consequenceIfOpened": .text, "consequenceIfClosed": .text,
                "verdict": .string(values: ["closed", "partlyClosed", "open"]), "parts": .array(.text),
                "period": .ref("Period"), "reason": .text, "openPart": .text,
            ], required: ["consequenceIfOpened", "consequenceIfClosed", "verdict", "reason"],
            description: "For partlyClosed, parts names what is blacked out (internal) and openPart what stays open "
                + "(published; UU 14/2008 Ps 22(7)(e))."),
        "OpenProposal": .object(["title": .text], required: ["title"]),
        "Location": .object(["building": .text, "room": .text, "cabinet": .text, "box": .text, "folder": .text]),
        "Memo": .object(["number": .text, "text": .text], required: ["number"]),
        "Opinion": .object(["text": .text], required: ["text"]),
        "Meeting": .object(
            ["date": .date, "place": .text, "participants": .array(.text)], required: ["date", "place", "participants"],
            description: "The consequence-test meeting: one participant per entry, \"Name — Position\"; a PPID must take part "
                + "(UU 14/2008 Ps 19)."),
        "StepCompletion": .object(
            [
                "decision": .string(values: ["agree", "disagree"]), "note": .text,
                "version": .integer(minimum: 1), "acknowledgements": .array(.text),
            ],
            description: "Empty for a step without a decision; a note is required to disagree. To agree at the step that "
                + "issues the decree, acknowledgements lists the key of every warning in the proposal's warnings."),
        "DecreeNumber": .object(["number": .text], required: ["number"]),
        "DocumentUpload": .object(
            ["file": .string(format: "binary"), "requirement": .text, "itemID": .uuid], required: ["file"],
            description: "A required document of the SOP (requirement) or an item's soft copy (itemID); the file last."),
        "ScanUpload": .object(["file": .string(format: "binary")], required: ["file"]),
    ]

    static let answers: [String: APISchema] = [
        "Error": .object(["error": .text, "fields": .map(.text)], required: ["error"]),
        "Me": .object(
            [
                "id": .uuid, "email": .text, "name": .text, "position": .text,
                "roles": .array(.object(["role": .text, "unitID": .uuid, "bodyID": .uuid])),
            ]),
        "ProposalSummary": .object(
            [
                "id": .uuid, "title": .text, "status": .string(values: ProposalStatus.allCases.map(\.rawValue)),
                "currentStep": .nullable(.integer()), "dueAt": .nullable(.instant),
            ]),
        "Proposal": proposal,
        "ItemTest": .object(
            [
                "ground": .nullable(.text), "groundLabel": .nullable(.text), "otherStatute": .nullable(.text),
                "consequenceIfOpened": .text, "consequenceIfClosed": .text, "verdict": .text, "parts": .array(.text),
                "period": .nullable(.ref("Period")), "periodDescription": .nullable(.text), "endDate": .nullable(.date),
                "reviewDate": .nullable(.date), "reason": .text, "openPart": .nullable(.text),
            ]),
        "RegisterEntry": .object(
            [
                "id": .uuid, "registerNumber": .text, "title": .text, "unitID": .uuid, "ground": .text, "groundLabel": .text,
                "otherStatute": .nullable(.text), "consequenceIfOpened": .text, "consequenceIfClosed": .text,
                "verdict": .string(values: RegisterVerdict.allCases.map(\.rawValue)), "parts": .array(.text),
                "period": .nullable(.ref("Period")), "periodDescription": .text, "endDate": .nullable(.date),
                "reviewDate": .nullable(.date), "reason": .text, "openPart": .nullable(.text), "decreeNumber": .text,
                "decreeDate": .date,
                "status": .string(values: RegisterEntryStatus.allCases.map(\.rawValue)), "openedOn": .nullable(.date),
                "openedByLaw": .boolean, "registeredFromEarlier": .boolean,
            ]),
        "ImportDraft": .object(
            [
                "id": .uuid, "status": .string(values: ["draft", "imported", "discarded"]), "fileName": .text, "sha256": .text,
                "decreeNumber": .nullable(.text), "decreeDate": .nullable(.date),
                "preview": .nullable(
                    .object(
                        [
                            "readAs": .text, "headingRows": .array(.integer()), "notes": .array(.text),
                            "columns": .array(.object(["column": .text, "heading": .text, "field": .nullable(.text)])),
                            "rows": .array(
                                .object(
                                    [
                                        "no": .nullable(.text), "row": .integer(minimum: 1), "skipped": .boolean,
                                        "status": .string(values: ["accepted", "refused", "skipped"]), "readings": .map(.text),
                                        "findings": .array(
                                            .object(
                                                [
                                                    "severity": .string(values: ["refused", "warning", "note"]),
                                                    "field": .nullable(.text), "article": .nullable(.text), "message": .text,
                                                ])),
                                    ])),
                            "summary": .map(.integer()),
                        ])),
            ]),
        "ImportDone": .object(["entries": .integer(minimum: 1), "decrees": .array(.text), "version": .nullable(.integer())]),
        "Decree": .object(
            [
                "id": .uuid, "number": .text, "date": .date, "place": .text, "classificationType": .text, "bodyName": .text,
                "unitName": .text, "ppid": .text, "signerName": .text, "signerPosition": .text, "signerNIP": .nullable(.text),
                "signedScanSHA256": .nullable(.text), "missingRequiredFields": .array(.text),
                "entries": .array(.ref("RegisterEntry")),
                "keputusan": .object(
                    [
                        "title": .text, "heading": .text, "subject": .text, "considerations": .array(.text),
                        "legalBasis": .array(.text), "enactment": .text,
                        "clauses": .array(.object(["ordinal": .text, "text": .text])), "letterhead": .array(.text),
                        "signerRank": .nullable(.text), "ppidName": .nullable(.text), "ppidNIP": .nullable(.text),
                        "copiesTo": .array(.text), "attachmentHeading": .array(.text),
                    ], description: "The decree in the form of a Keputusan (tata naskah dinas, Permendagri 1/2023)."),
            ]),
        "SearchResults": .object(
            [
                "total": .integer(minimum: 0), "page": .integer(minimum: 1), "pageSize": .integer(minimum: 1),
                "results": .array(
                    .object([
                        "body": .text, "bodyName": .text, "id": .text, "title": .text, "unit": .text, "ground": .text,
                        "status": .text, "endDate": .nullable(.date), "url": .text,
                    ])),
            ]),
        "PublicRegister": .object(
            [
                "body": .object(["slug": .text, "name": .text, "timeZone": .text]), "version": .integer(minimum: 1),
                "publishedAt": .instant, "entries": .array(.ref("PublicEntry")),
            ],
            description: "The published set only (PublicRegister): never the description, the reason, or anything internal."),
        "PublicEntry": .object([
            "id": .string(example: "DIK-2026-0001"), "title": .text, "unit": .text, "ground": .text, "groundCode": .text,
            "otherStatute": .nullable(.text), "partly": .boolean, "ifOpened": .text, "ifClosed": .text, "period": .text,
            "endDate": .nullable(.date), "reviewDate": .nullable(.date), "decreeNumber": .text, "decreeDate": .date,
            "status": .string(values: PublicRegister.Entry.Status.allCases.map(\.rawValue)), "openedOn": .nullable(.date),
            "openedByLaw": .boolean, "openingDecreeNumber": .nullable(.text), "summary": .nullable(.text),
            "responsible": .nullable(.text), "retention": .nullable(.text),
        ]),
    ]

    /// Someone as a proposal names them.
    private static let person: APISchema = .object(["name": .text, "position": .text])

    static let proposal: APISchema = .object(
        [
            "id": .uuid, "title": .text, "unitID": .uuid, "bodyID": .uuid,
            "status": .string(values: ProposalStatus.allCases.map(\.rawValue)), "version": .integer(minimum: 1),
            "timeZone": .text,
            "sop": .object(["id": .text, "number": .text, "name": .text, "body": .text]),
            "currentStep": .nullable(
                .object(
                    [
                        "number": .integer(minimum: 1), "label": .text, "addedByLaw": .nullable(.text), "activity": .text,
                        "actorTitle": .text, "actorRole": .text, "holders": .array(person),
                        "effect": .text, "requiredDocuments": .array(
                            .object([
                                "name": .text, "kind": .string(values: DocumentRequirement.allCases.map(\.rawValue)),
                                "satisfied": .boolean, "madeAtStep": .nullable(.text),
                            ])),
                        "recordsMemo": .boolean, "recordsPanelOpinion": .boolean,
                        "timeStandard": .text, "startedAt": .nullable(.instant), "dueAt": .nullable(.instant),
                        "dueProvisionalYears": .array(.integer()), "overdue": .boolean, "onAgree": .nullable(.integer()), "onDisagree": .nullable(.integer()),
                        "onDisagreeLabel": .nullable(.text), "issuesDecree": .boolean, "blockers": .array(.text), "youMayAct": .boolean,
                    ])),
            "items": .array(
                .object([
                    "id": .uuid, "title": .text, "description": .text, "holdingUnitID": .uuid,
                    "form": .string(values: InformationForm.allCases.map(\.rawValue)), "madeWhen": .nullable(.text),
                    "madeWhere": .nullable(.text), "archiveCode": .nullable(.text), "location": .array(.text),
                    "test": .nullable(.ref("ItemTest")), "findings": .array(.text),
                    "needs": .array(.string(values: ["test", "testCorrection", "location", "redacted"])),
                ])),
            "memoNumber": .nullable(.text), "memoText": .nullable(.text), "panelOpinion": .nullable(.text), "meetingDate": .nullable(.date),
            "meetingPlace": .nullable(.text), "meetingParticipants": .nullable(.text),
            "warnings": .array(
                .object([
                    "key": .text, "itemID": .uuid, "item": .text, "code": .text, "text": .text, "acknowledged": .boolean,
                    "acknowledgedBy": .nullable(.text), "acknowledgedAt": .nullable(.instant),
                ])),
            "history": .array(
                .object([
                    "stepNumber": .integer(minimum: 1), "stepLabel": .text, "actorID": .uuid, "actor": .nullable(person),
                    "actorRole": .text, "startedAt": .instant,
                    "completedAt": .instant, "dueAt": .nullable(.instant), "decision": .nullable(.text),
                    "note": .nullable(.text),
                ])),
            "returned": .nullable(
                .object(["by": .nullable(person), "role": .text, "at": .instant, "fromStep": .text, "note": .text])),
            "decree": .nullable(.object(["id": .uuid, "number": .text, "date": .date])),
        ], description: "The proposal, its current step (actor, required documents, due time, blockers), items with tests, and history.")
}
