/// A ZIP archive written with the "stored" method (no compression): the container of an .xlsx
/// workbook, which Excel, WPS and LibreOffice open whether or not its parts are compressed.
///
/// Every entry carries the same fixed date (1980-01-01 00:00, the earliest a ZIP can hold), so the
/// same workbook always gives the same bytes. Sizes are limited to what a ZIP without the ZIP64
/// extension can record (under 4 GiB, at most 65,535 entries).
struct XLSXZipArchive {
    private(set) var bytes: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var count = 0

    /// 1980-01-01 in MS-DOS date format: (year − 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = 1 << 5 | 1
    /// 00:00:00.
    static let dosTime: UInt16 = 0

    /// Adds a file at `path` (ASCII, `/` between folders).
    mutating func add(_ path: String, _ data: [UInt8]) throws(XLSXLimitExceeded) {
        try add(path) { $0 += data }
    }

    /// Adds a file at `path` whose content `write` appends straight into the archive, so a large
    /// sheet is never held twice; its CRC and size are filled in once it is written.
    mutating func add(_ path: String, writing write: (inout [UInt8]) -> Void) throws(XLSXLimitExceeded) {
        guard count < Int(UInt16.max) else { throw Self.tooLarge }
        let offset = bytes.count
        let name = Array(path.utf8)
        // Local file header, with the CRC and sizes (bytes 14–25) filled in below.
        append32(0x0403_4B50, to: &bytes)
        appendHeaderFields(crc: 0, size: 0, nameLength: UInt16(name.count), to: &bytes)
        append16(0, to: &bytes)  // extra field length
        bytes += name
        let start = bytes.count
        write(&bytes)
        guard bytes.count < Int(UInt32.max) else { throw Self.tooLarge }
        let size = UInt32(bytes.count - start)
        let crc = bytes.withUnsafeBufferPointer { crc32(UnsafeBufferPointer(rebasing: $0[start...])) }
        var fields: [UInt8] = []
        append32(crc, to: &fields)
        append32(size, to: &fields)
        append32(size, to: &fields)
        bytes.replaceSubrange((offset + 14)..<(offset + 26), with: fields)
        // Its central directory record.
        append32(0x0201_4B50, to: &centralDirectory)
        append16(20, to: &centralDirectory)  // made by: MS-DOS, ZIP 2.0
        appendHeaderFields(crc: crc, size: size, nameLength: UInt16(name.count), to: &centralDirectory)
        append16(0, to: &centralDirectory)  // extra field length
        append16(0, to: &centralDirectory)  // comment length
        append16(0, to: &centralDirectory)  // disk number
        append16(0, to: &centralDirectory)  // internal attributes
        append32(0, to: &centralDirectory)  // external attributes
        append32(UInt32(offset), to: &centralDirectory)
        centralDirectory += name
        count += 1
    }

    /// The archive: the entries, the central directory and its end record.
    consuming func finished() throws(XLSXLimitExceeded) -> [UInt8] {
        guard bytes.count + centralDirectory.count + 22 < Int(UInt32.max) else { throw Self.tooLarge }
        let directoryOffset = UInt32(bytes.count)
        var out = bytes
        bytes = []
        out += centralDirectory
        append32(0x0605_4B50, to: &out)
        append16(0, to: &out)  // this disk
        append16(0, to: &out)  // disk with the central directory
        append16(UInt16(count), to: &out)
        append16(UInt16(count), to: &out)
        append32(UInt32(centralDirectory.count), to: &out)
        append32(directoryOffset, to: &out)
        append16(0, to: &out)  // comment length
        return out
    }

    private static let tooLarge = XLSXLimitExceeded(
        message: "工作簿超过 4 GiB 或 65,535 个部件，xlsx（ZIP）写不下；请用 -f csv / the workbook is too large for xlsx: use csv")

    /// The fields local and central headers share, from "version needed" to the name's length.
    private func appendHeaderFields(crc: UInt32, size: UInt32, nameLength: UInt16, to out: inout [UInt8]) {
        append16(20, to: &out)  // version needed: 2.0
        append16(0, to: &out)  // flags
        append16(0, to: &out)  // method: stored
        append16(Self.dosTime, to: &out)
        append16(Self.dosDate, to: &out)
        append32(crc, to: &out)
        append32(size, to: &out)  // compressed size
        append32(size, to: &out)  // uncompressed size
        append16(nameLength, to: &out)
    }

    private func append16(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private func append32(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

/// The CRC-32 that ZIP records for each entry (IEEE 802.3, reflected polynomial 0xEDB88320).
/// `crc32(Array("123456789".utf8)) == 0xCBF43926`, the standard check value.
func crc32(_ data: [UInt8]) -> UInt32 {
    data.withUnsafeBufferPointer(crc32)
}

func crc32(_ data: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
        crc = crc32Table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
}

/// The remainder of each byte value, worked out once.
private let crc32Table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 {
        value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
    }
    return value
}

/// A workbook that an .xlsx file cannot hold: too many rows for a sheet, or too large for a ZIP.
public struct XLSXLimitExceeded: Error, Sendable, Hashable, CustomStringConvertible {
    /// In Chinese, with the English alongside, and what to use instead.
    public var message: String
    public var description: String { message }
}
