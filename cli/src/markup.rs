//! Markup in and out: plain text from the HTML in other systems' messages, and escaping
//! for the XML and HTML this command writes.

/// Plain text from a message with HTML such as gematik's `…<br/>…<b>Teilausfall</b>…`:
/// line breaks and paragraphs become a space, other tags are dropped, the common
/// character references are decoded, and runs of spaces collapse. Whatever is left is
/// only ever written as text (the page does not interpret HTML anyway).
pub fn strip_html(s: &str) -> String {
    // Tags written as character references (`&lt;b&gt;`) turn into tags when decoded:
    // the second pass removes those, too.
    let once = strip_tags(s, true);
    strip_tags(&once, false)
}

fn strip_tags(s: &str, decode: bool) -> String {
    let decode_entities = |t: &str| if decode { decode_entities(t) } else { t.to_string() };
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let after = &rest[lt + 1..];
        // A '<' that does not start a tag ("a < b") stays as it is.
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(gt) if starts_tag => {
                let tag = after[..gt].trim_start_matches('/').to_ascii_lowercase();
                let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                if matches!(
                    name.as_str(),
                    "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3"
                ) {
                    out.push(' ');
                }
                rest = &after[gt + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(&decode_entities(rest));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = s.to_string();
    for (entity, c) in [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&auml;", "ä"),
        ("&ouml;", "ö"),
        ("&uuml;", "ü"),
        ("&Auml;", "Ä"),
        ("&Ouml;", "Ö"),
        ("&Uuml;", "Ü"),
        ("&szlig;", "ß"),
        ("&amp;", "&"),
    ] {
        out = out.replace(entity, c);
    }
    out
}

/// Text for XML or HTML element content and attribute values (quoted with `"`).
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 does not allow at all.
            c if (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                || matches!(c, '\u{fffe}' | '\u{ffff}') =>
            {
                out.push('\u{fffd}')
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gematik_markup_becomes_plain_text() {
        assert_eq!(
            strip_html("Es wurden funktionale Einschränkungen innerhalb der TI festgestellt, diese deuten auf einen <b>Teilausfall</b> hin.<br/>Nachstehende pot. Einschränkungen wurden ermittelt:..."),
            "Es wurden funktionale Einschränkungen innerhalb der TI festgestellt, diese deuten auf einen Teilausfall hin. Nachstehende pot. Einschränkungen wurden ermittelt:..."
        );
        assert_eq!(strip_html("a<br>b<BR />c"), "a b c");
        assert_eq!(
            strip_html("<script>x</script>&lt;b&gt;y &amp; 1 < 2"),
            "xy & 1 < 2"
        );
        assert_eq!(strip_html("kein Tag"), "kein Tag");
    }

    #[test]
    fn xml_escaping_covers_markup_and_forbidden_characters() {
        assert_eq!(
            escape_xml("<a href=\"x\">&'</a>\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;\u{fffd}"
        );
    }
}
