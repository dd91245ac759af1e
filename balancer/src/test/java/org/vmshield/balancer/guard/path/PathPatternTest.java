package org.vmshield.balancer.guard.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathPatternTest {
    @Test
    void matchesPrefixes() {
        PathPattern p = PathPattern.prefix("/api/");
        assertThat(p.matches("/api/x")).isTrue();
        assertThat(p.matches("/api/")).isTrue();
        assertThat(p.matches("/api")).isFalse();
        assertThat(p.matches("/other")).isFalse();
        assertThat(p.matches(null)).isFalse();
    }

    @Test
    void matchesGlobs() {
        PathPattern one = PathPattern.glob("/search/*");
        assertThat(one.matches("/search/abc")).isTrue();
        assertThat(one.matches("/search/")).isTrue();
        assertThat(one.matches("/search/a/b")).isFalse();
        assertThat(one.matches("/searchx")).isFalse();
        PathPattern any = PathPattern.glob("/static/**");
        assertThat(any.matches("/static/a/b/c.css")).isTrue();
        assertThat(any.matches("/stat")).isFalse();
        PathPattern mid = PathPattern.glob("/item/*/edit");
        assertThat(mid.matches("/item/42/edit")).isTrue();
        assertThat(mid.matches("/item/42/view")).isFalse();
        assertThat(mid.matches("/item/4/2/edit")).isFalse();
        PathPattern deep = PathPattern.glob("/**/report.cgi");
        assertThat(deep.matches("/a/b/report.cgi")).isTrue();
        assertThat(deep.matches("/a/b/report.cgix")).isFalse();
        PathPattern q = PathPattern.glob("/v?/x");
        assertThat(q.matches("/v1/x")).isTrue();
        assertThat(q.matches("/v/x")).isFalse();
        assertThat(PathPattern.glob("/exact").matches("/exact")).isTrue();
        assertThat(PathPattern.glob("/exact").matches("/exact/")).isFalse();
    }

    @Test
    void rejectsBadPatternsNamingTheField() {
        assertThatThrownBy(() -> PathPattern.of(null, null)).hasMessageContaining("exactly one of prefix");
        assertThatThrownBy(() -> PathPattern.of("/a", "/b")).hasMessageContaining("both given");
        assertThatThrownBy(() -> PathPattern.of("api", null)).hasMessageStartingWith("prefix: \"api\"")
                .hasMessageContaining("starts with /");
        assertThatThrownBy(() -> PathPattern.glob("/*/*/*/*/*/*/*/*/*")).hasMessageContaining("at most 8 wildcards");
        assertThatThrownBy(() -> PathPattern.glob("/a b")).hasMessageContaining("no spaces");
    }
}
