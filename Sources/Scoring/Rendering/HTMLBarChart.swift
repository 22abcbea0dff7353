/// A horizontal bar chart drawn as inline SVG: one row per bar, a grey track for the most the row
/// could have (满分, the amount before caps, the pool) and a filled bar for what it has, on one
/// common scale, with the exact figures written beside each bar.
///
/// Lengths are worked out with ``Rational`` and written with two decimals, like every other number
/// here; nothing goes through floating point.
struct HTMLBarChart {
    struct Bar {
        /// Shown left of the bar; shortened to ``labelColumns`` when longer (the tables carry the full text).
        var label: String
        var value: Rational
        /// The most this row could have, drawn as the grey track; `nil` draws no track.
        var track: Rational?
        /// Shown right of the bar: `6/10`, `125,000.00 元`.
        var caption: String
        /// Not scored (缺项): an empty, dashed track.
        var missing = false
    }

    var bars: [Bar]
    /// What the chart shows, for screen readers.
    var description: String

    /// Display columns (two per Chinese character) a label may take before it is shortened.
    static let labelColumns = 34
    static let fontSize = 11
    static let rowHeight = 20
    static let barHeight = 12
    static let barArea = 330
    /// Width of one display column at ``fontSize``: generous, so labels never run into the bars.
    static let columnWidth = 6

    /// The `<svg>` element, sized in CSS pixels so that text prints at the size of the page's small
    /// print; it shrinks to the page width when wider.
    func svg() -> String {
        let labels = bars.map { Self.shortened($0.label) }
        let labelWidth = (labels.map(displayWidth(of:)).max() ?? 0) * Self.columnWidth + 10
        let captionWidth = (bars.map { displayWidth(of: $0.caption) }.max() ?? 0) * Self.columnWidth + 10
        let width = labelWidth + Self.barArea + captionWidth
        let height = max(bars.count, 1) * Self.rowHeight + 4
        let scale = bars.map { max($0.value, $0.track ?? .zero) }.max() ?? .zero
        var svg = "<svg role=\"img\" aria-label=\"\(escapeHTML(description))\" width=\"\(width)\" height=\"\(height)\" "
        svg += "viewBox=\"0 0 \(width) \(height)\" font-size=\"\(Self.fontSize)\">\n"
        svg += "<title>\(escapeHTML(description))</title>\n"
        for (index, bar) in bars.enumerated() {
            let top = index * Self.rowHeight + 2
            let barTop = top + (Self.rowHeight - Self.barHeight) / 2
            let baseline = top + Self.rowHeight / 2 + Self.fontSize * 7 / 20
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(baseline)\" text-anchor=\"end\" fill=\"#222\">\(escapeHTML(labels[index]))</text>"
            if let track = bar.track {
                let dashed = bar.missing ? " fill=\"none\" stroke=\"#999\" stroke-dasharray=\"3 2\"" : " fill=\"#e3e3e3\""
                svg += "<rect x=\"\(labelWidth)\" y=\"\(barTop)\" width=\"\(Self.length(track, scale))\" height=\"\(Self.barHeight)\"\(dashed)/>"
            }
            if !bar.missing {
                svg += "<rect x=\"\(labelWidth)\" y=\"\(barTop)\" width=\"\(Self.length(bar.value, scale))\" height=\"\(Self.barHeight)\" fill=\"#3a6db5\"/>"
            }
            svg += "<text x=\"\(labelWidth + Self.barArea + 6)\" y=\"\(baseline)\" fill=\"#222\">\(escapeHTML(bar.caption))</text>\n"
        }
        svg += "<line x1=\"\(labelWidth)\" y1=\"0\" x2=\"\(labelWidth)\" y2=\"\(height)\" stroke=\"#666\" stroke-width=\"0.8\"/>\n"
        return svg + "</svg>"
    }

    /// `value / scale` of the bar area, in SVG units with two decimals; 0 for nothing or no scale.
    static func length(_ value: Rational, _ scale: Rational) -> String {
        guard value > .zero, scale > .zero,
            let share = try? value * Rational(integer: Int64(barArea)) / scale,
            let text = try? share.fixedText(places: 2)
        else { return "0" }
        return text
    }

    /// The label cut to ``labelColumns`` display columns, with `…` when cut.
    static func shortened(_ label: String) -> String {
        guard displayWidth(of: label) > labelColumns else { return label }
        var out = ""
        var width = 0
        for character in label {
            let next = displayWidth(of: String(character))
            if width + next > labelColumns - 1 { break }
            out.append(character)
            width += next
        }
        return out + "…"
    }
}
