import Crypto
import Foundation

/// The tamper-evident history. Every state change appends an event; each event stores the hash of
/// the one before it and its own hash over its content and that link, so editing, removing or
/// reordering any event breaks the chain from there on. In a dispute the body carries the burden
/// of proof (UU 14/2008 Ps 45): this is how it shows its history was not rewritten.
public struct AuditRecord: Equatable, Sendable {
    /// 1, 2, 3, … with no gaps.
    public let sequence: Int
    public let occurredAt: Date
    public let actorID: String?
    /// The role the actor acted in, e.g. `head`.
    public let actorRole: String?
    /// What happened, e.g. `proposal.approve`, `user.create`, `auth.login.failed`.
    public let action: String
    public let targetType: String
    public let targetID: String?
    public let bodyID: String?
    public let summaryBefore: String?
    public let summaryAfter: String?
    public let clientAddress: String?
    public let previousHash: String
    public let hash: String

    public init(
        sequence: Int, occurredAt: Date, actorID: String?, actorRole: String?, action: String,
        targetType: String, targetID: String?, bodyID: String?, summaryBefore: String?, summaryAfter: String?,
        clientAddress: String?, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorRole = actorRole
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.bodyID = bodyID
        self.summaryBefore = summaryBefore
        self.summaryAfter = summaryAfter
        self.clientAddress = clientAddress
        self.previousHash = previousHash
        self.hash = hash
    }
}

public enum AuditChain {
    /// The `previousHash` of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The content of a new event, before it is linked into the chain.
    public struct Draft: Sendable {
        public var occurredAt: Date
        public var actorID: String?
        public var actorRole: String?
        public var action: String
        public var targetType: String
        public var targetID: String?
        public var bodyID: String?
        public var summaryBefore: String?
        public var summaryAfter: String?
        public var clientAddress: String?

        public init(
            occurredAt: Date, actorID: String?, actorRole: String?, action: String, targetType: String,
            targetID: String?, bodyID: String?, summaryBefore: String? = nil, summaryAfter: String? = nil,
            clientAddress: String? = nil
        ) {
            self.occurredAt = occurredAt
            self.actorID = actorID
            self.actorRole = actorRole
            self.action = action
            self.targetType = targetType
            self.targetID = targetID
            self.bodyID = bodyID
            self.summaryBefore = summaryBefore
            self.summaryAfter = summaryAfter
            self.clientAddress = clientAddress
        }
    }

    /// Links `draft` after `previous` (nil for the first event). Every text is first made storable
    /// (`TextInput.storable`: NFC, no control characters), so the event hashes exactly the bytes a
    /// database keeps, whatever a summary quotes.
    public static func append(_ draft: Draft, after previous: AuditRecord?) -> AuditRecord {
        var draft = draft
        let clean: (String?) -> String? = { $0.map(TextInput.storable) }
        draft.actorID = clean(draft.actorID)
        draft.actorRole = clean(draft.actorRole)
        draft.action = TextInput.storable(draft.action)
        draft.targetType = TextInput.storable(draft.targetType)
        draft.targetID = clean(draft.targetID)
        draft.bodyID = clean(draft.bodyID)
        draft.summaryBefore = clean(draft.summaryBefore)
        draft.summaryAfter = clean(draft.summaryAfter)
        draft.clientAddress = clean(draft.clientAddress)
        let sequence = (previous?.sequence ?? 0) + 1
        let previousHash = previous?.hash ?? genesis
        // Stored instants keep whole milliseconds, so the hash is over what the database returns.
        let instant = Date(timeIntervalSince1970: (draft.occurredAt.timeIntervalSince1970 * 1000).rounded() / 1000)
        let hash = computeHash(
            sequence: sequence, occurredAt: instant, actorID: draft.actorID, actorRole: draft.actorRole,
            action: draft.action, targetType: draft.targetType, targetID: draft.targetID,
            bodyID: draft.bodyID, summaryBefore: draft.summaryBefore, summaryAfter: draft.summaryAfter,
            clientAddress: draft.clientAddress, previousHash: previousHash)
        return AuditRecord(
            sequence: sequence, occurredAt: instant, actorID: draft.actorID, actorRole: draft.actorRole,
            action: draft.action, targetType: draft.targetType, targetID: draft.targetID,
            bodyID: draft.bodyID, summaryBefore: draft.summaryBefore, summaryAfter: draft.summaryAfter,
            clientAddress: draft.clientAddress, previousHash: previousHash, hash: hash)
    }

    /// The hash an event must carry: SHA-256 over every field, each written as its length and its
    /// bytes so no two different events can be written alike.
    public static func computeHash(of record: AuditRecord) -> String {
        computeHash(
            sequence: record.sequence, occurredAt: record.occurredAt, actorID: record.actorID,
            actorRole: record.actorRole, action: record.action, targetType: record.targetType,
            targetID: record.targetID, bodyID: record.bodyID, summaryBefore: record.summaryBefore,
            summaryAfter: record.summaryAfter, clientAddress: record.clientAddress,
            previousHash: record.previousHash)
    }

    static func computeHash(
        sequence: Int, occurredAt: Date, actorID: String?, actorRole: String?, action: String,
        targetType: String, targetID: String?, bodyID: String?, summaryBefore: String?,
        summaryAfter: String?, clientAddress: String?, previousHash: String
    ) -> String {
        let milliseconds = Int64((occurredAt.timeIntervalSince1970 * 1000).rounded())
        let fields: [String?] = [
            "dikelola-audit-v1", String(sequence), String(milliseconds), actorID, actorRole, action, targetType,
            targetID, bodyID, summaryBefore, summaryAfter, clientAddress, previousHash,
        ]
        var bytes = Data()
        for field in fields {
            guard let field else {
                bytes.append(contentsOf: Array("-;".utf8))
                continue
            }
            let utf8 = Array(field.utf8)
            bytes.append(contentsOf: Array("\(utf8.count):".utf8))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: ";"))
        }
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks records given in sequence order, continuing from `previous` (the last record of an
    /// earlier batch, or nil at the start). Returns the first break, or nil when intact.
    public static func firstBreak(in records: [AuditRecord], after previous: AuditRecord?) -> Break? {
        var previous = previous
        for record in records {
            let expectedSequence = (previous?.sequence ?? 0) + 1
            if record.sequence != expectedSequence {
                return Break(record: record, kind: .missingEvents(expected: expectedSequence))
            }
            let expectedLink = previous?.hash ?? genesis
            if record.previousHash != expectedLink {
                return Break(record: record, kind: .brokenLink(expected: expectedLink))
            }
            let recomputed = computeHash(of: record)
            if record.hash != recomputed {
                return Break(record: record, kind: .contentChanged(recomputed: recomputed))
            }
            previous = record
        }
        return nil
    }

    public struct Break: Equatable, Sendable, CustomStringConvertible {
        public let record: AuditRecord
        public let kind: Kind

        public enum Kind: Equatable, Sendable {
            /// Events before this one are missing (deleted or never written).
            case missingEvents(expected: Int)
            /// The stored link does not match the hash of the event before.
            case brokenLink(expected: String)
            /// The event's content no longer matches its hash: it was edited.
            case contentChanged(recomputed: String)
        }

        public var description: String {
            let event = "peristiwa #\(record.sequence) (\(record.action), \(record.targetType) \(record.targetID ?? "-"))"
            return switch kind {
            case let .missingEvents(expected):
                "Rantai audit terputus sebelum \(event): peristiwa #\(expected) tidak ada (dihapus?)."
            case .brokenLink:
                "Rantai audit rusak pada \(event): tautan ke peristiwa sebelumnya tidak cocok."
            case .contentChanged:
                "Rantai audit rusak pada \(event): isinya tidak cocok dengan hash-nya (diubah sesudah dicatat)."
            }
        }
    }
}
