import Foundation

/// An uploaded CUR file in the spool directory, in a directory of its own; removed when its ingest ends.
struct SpooledUpload: Sendable {
    /// The upload's own directory, `<spool>/<uuid>`.
    let directory: String
    /// The file, `<directory>/upload.csv` or `upload.csv.gz`.
    let path: String
    /// Its size in bytes.
    let size: Int64

    /// What error messages should not show of the file's path (the spool directory is the server's business).
    var redaction: String { directory + "/" }

    /// Deletes the file and its directory.
    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
