/// A whole input file mapped read-only into memory, so the CSV reader can scan
/// its bytes in place without copying them or splitting them into strings.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one file, memory-mapped for the lifetime of the object.
///
/// An empty file maps to an empty buffer. The mapping is private and
/// read-only; the file is read ahead sequentially.
public final class MappedFile: @unchecked Sendable {
    /// The path as given.
    public let path: String
    /// The file's bytes; valid while this object lives.
    public let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int

    /// Maps the file at `path`.
    /// - Throws: ``AnalyticsError`` naming the file when it cannot be opened,
    ///   is a directory, or cannot be mapped.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw AnalyticsError(file: path, line: nil, column: nil,
                                 expected: "a readable file", found: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw AnalyticsError(file: path, line: nil, column: nil,
                                 expected: "a readable file", found: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw AnalyticsError(file: path, line: nil, column: nil,
                                 expected: "a regular file", found: "a directory or special file")
        }
        length = Int(info.st_size)
        if length == 0 {
            mapping = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, length, PROT_READ, flags, fd, 0), p != MAP_FAILED else {
            throw AnalyticsError(file: path, line: nil, column: nil,
                                 expected: "a file that can be mapped into memory", found: String(cString: strerror(errno)))
        }
        _ = madvise(p, length, MADV_SEQUENTIAL)
        mapping = p
        bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: length)
    }

    deinit {
        if let mapping { munmap(mapping, length) }
    }
}
