import ArgumentParser

/// The formats results can be written in.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown
}
