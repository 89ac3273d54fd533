import Fluent
import Foundation
import Vapor

/// Browser sessions in the database under the SHA-256 of their cookie, as API tokens are kept: a
/// copy of the database (a backup on the office NAS) holds no key that signs anyone in. Found by an
/// outside probe: the stored key was the cookie itself, and a backup's session turned into a
/// year-long API token without a password.
struct HashedSessionDriver: SessionDriver {
    static func stored(_ id: SessionID) -> SessionID { SessionID(string: RandomToken.sha256Hex(id.string)) }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let id = SessionID(string: RandomToken.make(bytes: 32))
        return SessionRecord(key: Self.stored(id), data: data).create(on: request.db).map { id }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        SessionRecord.query(on: request.db).filter(\.$key == Self.stored(sessionID)).first().map { $0?.data }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        SessionRecord.query(on: request.db).filter(\.$key == Self.stored(sessionID)).set(\.$data, to: data).update()
            .map { sessionID }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        SessionRecord.query(on: request.db).filter(\.$key == Self.stored(sessionID)).delete()
    }
}
