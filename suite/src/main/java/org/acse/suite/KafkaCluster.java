package org.acse.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/**
 * A Kafka cluster of several KRaft nodes on this machine, each broker and controller in one and each its own child
 * JVM ({@link KafkaProcess}), so that one can be killed with SIGKILL and started again while the others go on, as in
 * production (three brokers, topics replicated three times, {@code min.insync.replicas} 2).
 */
public final class KafkaCluster implements Broker {
    private final List<KafkaProcess> nodes;

    private KafkaCluster(List<KafkaProcess> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts {@code size} nodes on free ports, their logs in {@code dataDir/node-<id>} and their output in
     * {@code logDir/kafka-<id>.log}, from the jars of {@code classpath} (a class path as the JVM takes it).
     */
    public static KafkaCluster start(int size, Path dataDir, String classpath, Path logDir, Duration timeout) {
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(Ports.free());
            controllers.add(Ports.free());
        }
        String voters = IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllers.get(i))
                .collect(Collectors.joining(","));
        List<KafkaProcess> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Path data = dataDir.resolve("node-" + (i + 1));
            nodes.add(KafkaProcess.prepare(
                    KafkaBroker.properties(i + 1, ports.get(i), controllers.get(i), voters, size, data.resolve("log")),
                    ports.get(i),
                    data,
                    classpath,
                    logDir.resolve("kafka-" + (i + 1) + ".log"),
                    timeout));
        }
        KafkaCluster cluster = new KafkaCluster(List.copyOf(nodes));
        try {
            // A quorum answers only once a majority is up: launch every node, then wait for each.
            nodes.forEach(KafkaProcess::launch);
            nodes.forEach(KafkaProcess::awaitReady);
            cluster.awaitNodes(size, timeout);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The node ids, 1 to size. */
    public List<Integer> nodeIds() {
        return IntStream.rangeClosed(1, nodes.size()).boxed().toList();
    }

    /** SIGKILL to one node: no controlled shutdown, its partitions' leadership moves when the controller notices. */
    public void kill(int nodeId) {
        node(nodeId).kill();
    }

    /** Starts a node again (after {@link #kill}) on the same ports and log, and waits until the cluster has it. */
    public void start(int nodeId) {
        KafkaProcess node = node(nodeId);
        node.launch();
        node.awaitReady();
        awaitNodes(nodes.size(), Duration.ofSeconds(120));
    }

    private KafkaProcess node(int nodeId) {
        return nodes.get(nodeId - 1);
    }

    private void awaitNodes(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= count) {
                    return;
                }
            } catch (Exception e) {
                // a node is still joining
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Kafka cluster", e);
            }
        }
        throw new IllegalStateException("the Kafka cluster has not " + count + " nodes after " + timeout);
    }

    /** The nodes the cluster has now, by id. */
    public List<Integer> liveNodes() {
        try (Admin admin = admin()) {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                    .map(Node::id)
                    .sorted()
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the Kafka cluster: " + e.getMessage(), e);
        }
    }

    @Override
    public short replicationFactor() {
        return (short) Math.min(3, nodes.size());
    }

    @Override
    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    @Override
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10000));
    }

    /** Stops every node (SIGTERM, controlled shutdown), keeping their logs. */
    @Override
    public void stop() {
        nodes.forEach(KafkaProcess::stop);
    }

    @Override
    public void restart() {
        stop();
        nodes.forEach(KafkaProcess::launch);
        nodes.forEach(KafkaProcess::awaitReady);
        awaitNodes(nodes.size(), Duration.ofSeconds(120));
    }

    /** The first node's process (a launcher records one pid per part). */
    @Override
    public Optional<ProcessHandle> process() {
        return nodes.get(0).process();
    }

    @Override
    public void close() {
        nodes.forEach(KafkaProcess::close);
    }
}
