/// What HTML elements and attributes mean to extraction.
enum HTMLVocabulary {
    /// Phrasing elements: inside a unit they become placeholders (when they hold no blocks).
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "img", "input", "ins", "kbd", "mark", "q", "rb", "rp", "rt", "ruby", "s",
        "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
        "acronym", "meter", "progress", "output",
    ]

    /// Elements with no content of their own.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "keygen",
    ]

    /// Elements whose content is never text for translators.
    static let skippedElements: Set<String> = ["script", "style", "noembed", "noframes"]

    /// Embedded content: kept whole as one placeholder; only its attributes are extracted.
    static let opaqueElements: Set<String> = [
        "svg", "math", "iframe", "embed", "object", "video", "audio", "canvas", "picture", "map",
    ]

    /// Elements where HTML keeps whitespace as written.
    static let preformattedElements: Set<String> = ["pre", "textarea", "listing", "plaintext", "xmp"]

    /// `meta` elements whose `content` is text for people: by `name` or `property`.
    static let translatableMeta: Set<String> = [
        "description", "keywords", "og:title", "og:description", "og:site_name",
        "twitter:title", "twitter:description",
    ]

    /// Elements whose content is text only: markup typed inside shows as text (`title`,
    /// `textarea`) or is not allowed (`option`), so Tolk never puts an element there.
    static let textOnlyElements: Set<String> = ["title", "option", "textarea"]

    /// `input` types whose `value` is a visible button label.
    static let buttonInputTypes: Set<String> = ["button", "submit", "reset"]

    /// The translatable attributes of `element`, in the order they are extracted.
    static func translatableAttributes(of element: HTMLElement) -> [String] {
        var names: [String] = []
        for attribute in element.attributes {
            switch attribute.name {
            case "alt", "title", "placeholder", "aria-label", "aria-description", "aria-placeholder",
                 "aria-roledescription", "aria-valuetext":
                names.append(attribute.name)
            case "value" where element.name == "input":
                let type = (element[attribute: "type"] ?? "text").lowercased()
                if buttonInputTypes.contains(type) { names.append("value") }
            case "label" where ["option", "track", "optgroup", "menuitem"].contains(element.name):
                names.append("label")
            case "abbr" where element.name == "th" || element.name == "td", "summary" where element.name == "table":
                // Screen readers read a header cell's short form and a table's summary.
                names.append(attribute.name)
            case "content" where element.name == "meta":
                let key = (element[attribute: "name"] ?? element[attribute: "property"] ?? "").lowercased()
                if translatableMeta.contains(key) { names.append("content") }
            default:
                break
            }
        }
        return names
    }

    /// HTML's translatable attributes (the HTML standard, "The translate attribute"), which
    /// ITS takes as its default; Tolk's own list adds ARIA text. `lang` is "translated" by
    /// the build, which writes the language of each version; `style` and `srcdoc` are code.
    static func isTranslatableAttribute(_ name: String, of element: HTMLElement) -> Bool {
        switch name {
        case "title", "lang", "style": return true
        case "abbr": return element.name == "th"
        case "alt": return ["area", "img", "input"].contains(element.name)
        case "download": return element.name == "a" || element.name == "area"
        case "label": return ["optgroup", "option", "track"].contains(element.name)
        case "placeholder": return element.name == "input" || element.name == "textarea"
        case "srcdoc": return element.name == "iframe"
        case "value":
            return element.name == "input" && ["button", "reset"].contains((element[attribute: "type"] ?? "").lowercased())
        case "content":
            return element.name == "meta" && ["keywords", "description"].contains((element[attribute: "name"] ?? "").lowercased())
        default:
            return translatableAttributes(of: element).contains(name)
        }
    }

    /// A short description of a placeholder's element for the translator's comment.
    static func describe(_ element: String) -> String {
        switch element {
        case "a": return "link"
        case "strong", "b": return "bold"
        case "em", "i": return "emphasis"
        case "br": return "line break"
        case "img": return "image"
        case "code", "kbd", "samp", "tt": return "code"
        case "abbr", "acronym": return "abbreviation"
        case "q": return "quotation"
        case "sup": return "superscript"
        case "sub": return "subscript"
        case "time": return "date or time"
        case "span": return "span"
        default: return element
        }
    }
}
