# v2 search (patched): lists the catalog lines that contain the query, grouped by category.
# The query is cut to 64 characters and relevance is one search per category, so the cost is
# bounded and linear: a crafted long query costs no more than a short one.
BEGIN { FS = "|"; q = tolower(substr(urldecode(q), 1, 64)); n = length(q); found = 0; ncat = 0 }
{
    if (!($1 in text)) { ncat++; cats[ncat] = $1; text[$1] = $1 }
    line = tolower($2)
    text[$1] = text[$1] " " line
    if (n > 0 && index(line, q)) { found++; hits[found] = $1 ": " $2 }
}
END {
    for (c = 1; c <= ncat; c++) {
        score = (n > 0 && index(text[cats[c]], q)) ? n : 0
        relevance = relevance sprintf(" %s=%d", cats[c], score)
    }
    printf "%d results for \"%s\" (relevance:%s)\n", found, q, relevance
    for (k = 1; k <= found; k++) print hits[k]
}
