import Foundation

/// A ZIP archive written in memory with its members *stored* (no compression): enough for the
/// Office Open XML container of an XLSX file, with no dependency beyond Foundation. Stored members
/// keep the published text greppable, so the leak checks read inside the file as they read a page;
/// HTTP compression makes the transfer small again.
///
/// The format is PKWARE's APPNOTE (local headers, central directory, end record), version 2.0,
/// UTF-8 names (flag bit 11). It refuses what it cannot write rather than write a broken file.
public struct ZipArchive: Sendable {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    private struct Member {
        let name: [UInt8]
        let crc: UInt32
        let size: UInt32
        let offset: UInt32
    }

    private var data = Data()
    private var members: [Member] = []
    private let dosTime: UInt16
    private let dosDate: UInt16

    /// - Parameter modified: the time written on every member (a fixed date keeps the bytes of a
    ///   version reproducible).
    public init(modified: LocalDate) {
        dosTime = 0
        dosDate = UInt16(max(0, modified.year - 1980) << 9 | modified.month << 5 | modified.day)
    }

    /// Adds a member; names use `/` and must be unique.
    public mutating func add(_ name: String, _ bytes: Data) throws {
        let encodedName = Array(name.utf8)
        guard !name.isEmpty, !name.hasPrefix("/"), encodedName.count <= UInt16.max else {
            throw Failure(message: "nama anggota ZIP tidak sah: \(name)")
        }
        guard !members.contains(where: { $0.name == encodedName }) else {
            throw Failure(message: "anggota ZIP ganda: \(name)")
        }
        // ZIP64 is not written: a member or the archive past 4 GiB is refused.
        guard bytes.count < Int(UInt32.max), data.count + bytes.count + 30 + encodedName.count < Int(UInt32.max) else {
            throw Failure(message: "berkas terlalu besar untuk ZIP tanpa ZIP64: \(name)")
        }
        let member = Member(name: encodedName, crc: CRC32.checksum(bytes), size: UInt32(bytes.count), offset: UInt32(data.count))
        data.append(le32: 0x0403_4b50)
        data.append(le16: 20)  // version needed: 2.0
        data.append(le16: 1 << 11)  // UTF-8 names
        data.append(le16: 0)  // stored
        data.append(le16: dosTime)
        data.append(le16: dosDate)
        data.append(le32: member.crc)
        data.append(le32: member.size)  // compressed size
        data.append(le32: member.size)
        data.append(le16: UInt16(encodedName.count))
        data.append(le16: 0)  // extra field
        data.append(contentsOf: encodedName)
        data.append(bytes)
        members.append(member)
    }

    /// The finished archive: the members, the central directory and its end record.
    public func finished() -> Data {
        var out = data
        let directoryStart = UInt32(out.count)
        for m in members {
            out.append(le32: 0x0201_4b50)
            out.append(le16: 20)  // made by: 2.0, MS-DOS attributes
            out.append(le16: 20)
            out.append(le16: 1 << 11)
            out.append(le16: 0)
            out.append(le16: dosTime)
            out.append(le16: dosDate)
            out.append(le32: m.crc)
            out.append(le32: m.size)
            out.append(le32: m.size)
            out.append(le16: UInt16(m.name.count))
            out.append(le16: 0)  // extra
            out.append(le16: 0)  // comment
            out.append(le16: 0)  // disk
            out.append(le16: 0)  // internal attributes
            out.append(le32: 0)  // external attributes
            out.append(le32: m.offset)
            out.append(contentsOf: m.name)
        }
        let directorySize = UInt32(out.count) - directoryStart
        out.append(le32: 0x0605_4b50)
        out.append(le16: 0)
        out.append(le16: 0)
        out.append(le16: UInt16(min(members.count, Int(UInt16.max))))
        out.append(le16: UInt16(min(members.count, Int(UInt16.max))))
        out.append(le32: directorySize)
        out.append(le32: directoryStart)
        out.append(le16: 0)  // comment length
        return out
    }
}

/// CRC-32 (ISO 3309 / ITU-T V.42, the polynomial ZIP and PNG use).
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBytes { raw in
            for byte in raw { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    fileprivate mutating func append(le16 value: UInt16) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    fileprivate mutating func append(le32 value: UInt32) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
