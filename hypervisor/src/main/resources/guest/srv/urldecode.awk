# Decodes an application/x-www-form-urlencoded value ("+" is a space, %XX a byte).
function urldecode(s,   out, i, c, hex) {
    hex = "0123456789abcdef"
    gsub(/\+/, " ", s)
    out = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "%" && i + 2 <= length(s)) {
            out = out sprintf("%c", (index(hex, tolower(substr(s, i + 1, 1))) - 1) * 16 \
                + index(hex, tolower(substr(s, i + 2, 1))) - 1)
            i += 2
        } else {
            out = out c
        }
    }
    return out
}
