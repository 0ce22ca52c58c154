package org.acse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ParsingTest {
    @Test
    void readsVmRssFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  204800 kB\nThreads:\t40\n";
        assertThat(Rss.parseVmRssKb(status)).isEqualTo(204800);
        assertThat(Rss.parseVmRssKb("Name:\tjava\n")).isEqualTo(-1);
        assertThat(Rss.ofPid(ProcessHandle.current().pid())).isPositive();
    }

    @Test
    void readsCpuTimeFromProcStat() {
        String stat = "4242 (java wor) S 1 4242 4242 0 -1 4194560 9000 0 12 0 250 31 0 0 20 0 40 0 100 3133440 415";
        assertThat(Rss.parseCpuMillis(stat)).isEqualTo(2810);
        assertThat(Rss.cpuMillisOfPid(ProcessHandle.current().pid())).isPositive();
    }

    @Test
    void findsTheReferralIdInAWebhookBody() {
        String body = "{\"alertId\":\"a\",\"referralId\":\"0F8FAD5B-D9CB-469F-A165-70867728950E\",\"status\":\"NEW\"}";
        assertThat(AlertReceiver.referralId(body)).contains("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(AlertReceiver.referralId("{\"kind\":\"NO_MATCH\"}")).isEmpty();
    }

    @Test
    void optionsHaveTheDocumentedDefaults() {
        Bench.Options o = Bench.Options.parse(new String[] {"--scenarios=latency --seconds=30", "--ramp=100,200"});
        assertThat(o.scenarios()).containsExactly("latency");
        assertThat(o.seconds()).isEqualTo(30);
        assertThat(o.rate()).isEqualTo(50);
        assertThat(o.rampSteps()).containsExactly(100, 200);
        assertThat(o.matchingLevels()).containsExactly(100, 1000, 10000);
    }

    @Test
    void formatsMillisecondsReadably() {
        Histogram h = new Histogram(OpenLoad.HIGHEST_NANOS, 3);
        h.recordValue(1_500_000);
        assertThat(Report.ms(h, 50)).isEqualTo("1.50 ms");
        assertThat(Report.ms(25_000_000)).isEqualTo("25 ms");
    }
}
