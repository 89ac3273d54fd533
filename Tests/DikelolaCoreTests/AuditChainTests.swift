import Foundation
import Testing

@testable import DikelolaCore

@Suite struct AuditChainTests {
    func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        for index in 0..<count {
            let draft = AuditChain.Draft(
                occurredAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(index) * 61.2345),
                actorID: "user-\(index % 3)", actorRole: "operator", action: "proposal.update", targetType: "proposal",
                targetID: "p-\(index)", bodyID: "b-1", summaryBefore: "judul: lama \(index)", summaryAfter: "judul: baru",
                clientAddress: "10.0.0.\(index)")
            records.append(AuditChain.append(draft, after: records.last))
        }
        return records
    }

    func with(_ record: AuditRecord, summaryAfter: String? = nil, hash: String? = nil, previousHash: String? = nil) -> AuditRecord
    {
        AuditRecord(
            sequence: record.sequence, occurredAt: record.occurredAt, actorID: record.actorID,
            actorRole: record.actorRole, action: record.action, targetType: record.targetType,
            targetID: record.targetID, bodyID: record.bodyID, summaryBefore: record.summaryBefore,
            summaryAfter: summaryAfter ?? record.summaryAfter, clientAddress: record.clientAddress,
            previousHash: previousHash ?? record.previousHash, hash: hash ?? record.hash)
    }

    @Test func anAppendedChainVerifies() {
        let records = chain(6)
        #expect(records.map(\.sequence) == [1, 2, 3, 4, 5, 6])
        #expect(records[0].previousHash == AuditChain.genesis)
        #expect(records[1].previousHash == records[0].hash)
        #expect(Set(records.map(\.hash)).count == 6)
        #expect(AuditChain.firstBreak(in: records, after: nil) == nil)
        // Verifying in batches gives the same answer.
        #expect(AuditChain.firstBreak(in: Array(records[3...]), after: records[2]) == nil)
    }

    @Test func anEditedEventIsFound() {
        var records = chain(5)
        records[2] = with(records[2], summaryAfter: "judul: dipalsukan")
        let found = AuditChain.firstBreak(in: records, after: nil)
        #expect(found?.record.sequence == 3)
        guard case .contentChanged = found?.kind else {
            Issue.record("expected contentChanged, got \(String(describing: found))")
            return
        }
        #expect(found?.description.contains("peristiwa #3") == true)
    }

    @Test func anEditWhoseHashWasRecomputedBreaksTheNextLink() {
        var records = chain(5)
        let forged = with(records[1], summaryAfter: "judul: dipalsukan")
        records[1] = with(forged, hash: AuditChain.computeHash(of: forged))
        let found = AuditChain.firstBreak(in: records, after: nil)
        #expect(found?.record.sequence == 3)
        #expect(found?.kind == .brokenLink(expected: records[1].hash))
    }

    @Test func aDeletedEventIsFound() {
        var records = chain(5)
        records.remove(at: 3)
        let found = AuditChain.firstBreak(in: records, after: nil)
        #expect(found?.record.sequence == 5)
        #expect(found?.kind == .missingEvents(expected: 4))
    }

    @Test func fieldsCannotBeShiftedIntoEachOther() {
        // The same characters split differently between two fields must hash differently.
        let a = AuditChain.computeHash(
            sequence: 1, occurredAt: Date(timeIntervalSince1970: 0), actorID: "ab", actorRole: "c",
            action: "x", targetType: "t", targetID: nil, bodyID: nil, summaryBefore: nil,
            summaryAfter: nil, clientAddress: nil, previousHash: AuditChain.genesis)
        let b = AuditChain.computeHash(
            sequence: 1, occurredAt: Date(timeIntervalSince1970: 0), actorID: "a", actorRole: "bc",
            action: "x", targetType: "t", targetID: nil, bodyID: nil, summaryBefore: nil,
            summaryAfter: nil, clientAddress: nil, previousHash: AuditChain.genesis)
        let c = AuditChain.computeHash(
            sequence: 1, occurredAt: Date(timeIntervalSince1970: 0), actorID: "ab", actorRole: "c",
            action: "x", targetType: "t", targetID: "", bodyID: nil, summaryBefore: nil,
            summaryAfter: nil, clientAddress: nil, previousHash: AuditChain.genesis)
        #expect(a != b && a != c)
        #expect(a.count == 64)
    }
}
