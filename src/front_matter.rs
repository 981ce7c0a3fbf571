//! The `+++` block of TOML that starts persona and prompt-template files
//! (Markdown with settings on top, as static site generators write it).

/// Splits `+++\nTOML\n+++\nbody` into the TOML and the body; a text that
/// does not start with `+++` is all body.
pub fn split(text: &str) -> Result<(Option<&str>, &str), String> {
    let Some(rest) = text.strip_prefix("+++") else {
        return Ok((None, text));
    };
    let end = rest
        .find("\n+++")
        .ok_or("the `+++` settings block is not closed")?;
    let body = &rest[end + 4..];
    Ok((Some(&rest[..end]), body.strip_prefix('\n').unwrap_or(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_is_split_off() {
        assert_eq!(
            split("+++\na = 1\n+++\nbody\n").unwrap(),
            (Some("\na = 1"), "body\n")
        );
        assert_eq!(split("just text").unwrap(), (None, "just text"));
        assert!(split("+++\na = 1\n").is_err());
    }
}
