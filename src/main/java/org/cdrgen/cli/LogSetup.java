package org.cdrgen.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Logback's configuration, in code: "HH:mm:ss.SSS LEVEL message" lines on stderr (stdout stays clean for
 * output a user may pipe), level set by -q/-v. Found by Logback through META-INF/services. Done in code
 * because reading an XML configuration (Joran, a SAX parser, the pattern compiler) cost about 0.2 s of
 * every run's start-up. {@code -Dlogback.configurationFile=FILE} still selects an XML file of one's own.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LineLayout layout = new LineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        // --format parquet: parquet-java and Hadoop's codec pool log every file they open; cdrgen says what it wrote.
        context.getLogger("org.apache.parquet").setLevel(Level.WARN);
        context.getLogger("org.apache.hadoop").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** What the pattern "%d{HH:mm:ss.SSS} %-5level %msg%n" wrote, plus a stack trace if one is logged. */
    static final class LineLayout extends LayoutBase<ILoggingEvent> {
        private final ZoneId zone = ZoneId.systemDefault();

        @Override
        public String doLayout(ILoggingEvent event) {
            LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
            StringBuilder line = new StringBuilder(128);
            twoDigits(line, time.getHour()).append(':');
            twoDigits(line, time.getMinute()).append(':');
            twoDigits(line, time.getSecond()).append('.');
            int millis = time.getNano() / 1_000_000;
            line.append((char) ('0' + millis / 100));
            twoDigits(line, millis % 100).append(' ');
            String level = event.getLevel().toString();
            line.append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
            line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
            }
            return line.toString();
        }

        private static StringBuilder twoDigits(StringBuilder out, int value) {
            return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
    }
}
