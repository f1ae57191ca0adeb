// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small POSIX file helpers with explicit modes and `fsync`, which Foundation's file APIs do not offer.
///
/// Every failure is reported as a ``StoreError`` whose message names the operation, the path and the reason.
enum POSIXFiles {
    /// Owner-only directories (`rwx------`).
    static let directoryMode: mode_t = 0o700
    /// Owner-only files (`rw-------`).
    static let fileMode: mode_t = 0o600

    /// Creates `path` and any missing parent directories with mode 0700, syncing each new entry's parent.
    ///
    /// Directories that already exist are left as they are.
    /// - Returns: `true` if at least one directory was created.
    @discardableResult
    static func ensureDirectory(_ path: String, code: StoreError.Code = .io) throws -> Bool {
        var isDirectory = false
        if exists(path, isDirectory: &isDirectory) {
            guard isDirectory else {
                throw StoreError(code, "\(path) exists but is not a directory.")
            }
            return false
        }
        let parent = parentDirectory(of: path)
        if parent != path {
            try ensureDirectory(parent, code: code)
        }
        if mkdir(path, directoryMode) != 0 {
            let error = errno
            if error == EEXIST { return false }
            throw failure(code, "create the directory", path, error)
        }
        // mkdir applies the umask, which can only remove bits; set the mode exactly anyway.
        _ = chmod(path, directoryMode)
        try syncDirectory(parent, code: code)
        return true
    }

    /// Creates an empty file with mode 0600 if nothing exists at `path`; leaves an existing file untouched.
    /// - Returns: `true` if the file was created, `false` if something already existed at `path`.
    @discardableResult
    static func createFileIfMissing(_ path: String, code: StoreError.Code = .unavailable) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd < 0 {
            let error = errno
            if error == EEXIST { return false }
            throw failure(code, "create the file", path, error)
        }
        _ = fchmod(fd, fileMode)
        let synced = fsync(fd)
        let syncError = errno
        close(fd)
        if synced != 0 { throw failure(code, "sync the file", path, syncError) }
        try syncDirectory(parentDirectory(of: path), code: code)
        return true
    }

    /// Writes `bytes` to a new file at `path` (mode 0600) and syncs the file and its directory.
    ///
    /// Fails if the file already exists.
    static func writeNewFile(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd < 0 { throw failure(.io, "create the file", path, errno) }
        var succeeded = false
        defer {
            close(fd)
            if !succeeded { unlink(path) }
        }
        _ = fchmod(fd, fileMode)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(.io, "write", path, errno)
            }
            offset += written
        }
        if fsync(fd) != 0 { throw failure(.io, "sync the file", path, errno) }
        try syncDirectory(parentDirectory(of: path), code: .io)
        succeeded = true
    }

    /// Removes the file at `path`.
    /// - Returns: `true` if a file was removed, `false` if there was none or it could not be removed.
    @discardableResult
    static func removeFile(_ path: String) -> Bool {
        unlink(path) == 0
    }

    /// Whether something exists at `path`, without following a final symbolic link.
    static func exists(_ path: String, isDirectory: inout Bool) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        return true
    }

    /// Whether something exists at `path`, without following a final symbolic link.
    static func exists(_ path: String) -> Bool {
        var isDirectory = false
        return exists(path, isDirectory: &isDirectory)
    }

    /// Syncs a directory so that entries created in it survive a power cut.
    static func syncDirectory(_ path: String, code: StoreError.Code) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw failure(code, "open the directory", path, errno) }
        defer { close(fd) }
        if fsync(fd) != 0 {
            let error = errno
            // Some file systems cannot sync directories; that is not a reason to fail a write.
            if error == EINVAL || error == EROFS { return }
            throw failure(code, "sync the directory", path, error)
        }
    }

    /// The directory part of `path` (`.` for a bare name, `/` for the root).
    static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// Joins two path parts with exactly one slash.
    static func join(_ base: String, _ relative: String) -> String {
        if base.hasSuffix("/") { return base + relative }
        return base + "/" + relative
    }

    private static func failure(_ code: StoreError.Code, _ operation: String, _ path: String, _ error: Int32)
        -> StoreError
    {
        StoreError(code, "Could not \(operation) \(path): \(String(cString: strerror(error))).")
    }
}
