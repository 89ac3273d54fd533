import Foundation

/// The units of a body as a tree, for display in order and for refusing cycles.
struct UnitTree {
    let units: [Unit]

    init(_ units: [Unit]) { self.units = units }

    struct Entry {
        let unit: Unit
        let depth: Int
    }

    /// Depth-first, each level by name.
    var ordered: [Entry] {
        var result: [Entry] = []
        var visited: Set<UUID> = []
        func visit(_ parent: UUID?, depth: Int) {
            for unit in units.filter({ $0.$parent.id == parent }).sorted(by: { $0.name < $1.name }) {
                guard let id = unit.id, visited.insert(id).inserted else { continue }
                result.append(Entry(unit: unit, depth: depth))
                visit(id, depth: depth + 1)
            }
        }
        visit(nil, depth: 0)
        return result
    }

    func descendants(of id: UUID) -> Set<UUID> {
        var found: Set<UUID> = []
        var frontier = [id]
        while let next = frontier.popLast() {
            for child in units where child.$parent.id == next {
                if let childID = child.id, found.insert(childID).inserted { frontier.append(childID) }
            }
        }
        return found
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
