# v1 search: lists the catalog lines that contain the query, grouped by category, categories ranked
# by relevance. The flaw: a category's relevance counts every substring of the query that occurs in
# the category's text, that is n*(n+1)/2 searches per category for a query of n characters, with no
# limit on n. A short query costs milliseconds; a crafted long one (200 times "a") about a second.
BEGIN { FS = "|"; q = tolower(urldecode(q)); n = length(q); found = 0; ncat = 0 }
{
    if (!($1 in text)) { ncat++; cats[ncat] = $1; text[$1] = $1 }
    line = tolower($2)
    text[$1] = text[$1] " " line
    if (n > 0 && index(line, q)) { found++; hits[found] = $1 ": " $2 }
}
END {
    for (c = 1; c <= ncat; c++) {
        score = 0
        for (i = 1; i <= n; i++)
            for (j = i; j <= n; j++)
                if (index(text[cats[c]], substr(q, i, j - i + 1))) score++
        relevance = relevance sprintf(" %s=%d", cats[c], score)
    }
    printf "%d results for \"%s\" (relevance:%s)\n", found, q, relevance
    for (k = 1; k <= found; k++) print hits[k]
}
