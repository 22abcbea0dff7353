import Foundation

/// The rubric files shipped with the tool, found from any working directory.
public enum ShippedRubrics {
    /// The folder holding `scorecards/` and `sources/`.
    public static var folder: URL? { Bundle.module.resourceURL }
}
