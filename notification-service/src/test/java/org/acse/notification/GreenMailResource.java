package org.acse.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.acse.suite.Ports;

/** A real SMTP server in this JVM (GreenMail) that the service's mailer sends to. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {
    private static GreenMail greenMail;

    public static synchronized GreenMail smtp() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        GreenMail server = smtp();
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.start-tls",
                "DISABLED");
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM
    }
}
