import Foundation

/// How far each long import running in this process has come, for its page to show while the
/// transaction runs (it cannot be read from the database before the import commits). An import of
/// up to `ImportProgress.inlineRows` rows runs within the request instead.
actor ImportProgress {
    static let shared = ImportProgress()
    /// Imports up to this many rows finish within the request (a few seconds).
    static let inlineRows = 500

    struct State: Sendable {
        var done: Int
        var total: Int
        var finished = false
        var message: String?
    }

    private var states: [UUID: State] = [:]

    /// Marks an import as started; false when it already runs.
    func start(_ id: UUID, total: Int) -> Bool {
        if let state = states[id], !state.finished { return false }
        states[id] = State(done: 0, total: total)
        return true
    }

    func update(_ id: UUID, done: Int, total: Int) {
        states[id]?.done = done
        states[id]?.total = total
    }

    func finish(_ id: UUID, message: String) {
        states[id]?.finished = true
        states[id]?.message = message
    }

    func state(_ id: UUID) -> State? { states[id] }

    /// The state once, forgetting a finished one after it is shown.
    func take(_ id: UUID) -> State? {
        let state = states[id]
        if state?.finished == true { states[id] = nil }
        return state
    }
}
