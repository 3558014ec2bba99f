package de.smartcitylod.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code smartcity} command line. */
@Command(name = "smartcity", mixinStandardHelpOptions = true, version = "smartcity-lod 0.1.0",
        description = "Builds German smart-city open data into linked data and serves it.",
        subcommands = {BuildCommand.class, ValidateCommand.class, ServeCommand.class, ReplicateCommand.class, QueryCommand.class, CommandLine.HelpCommand.class})
public final class SmartCity implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** Held so the logger (and its level) is not garbage-collected. */
    private static final java.util.logging.Logger LUCENE_JUL = java.util.logging.Logger.getLogger("org.apache.lucene");

    public static void main(String[] args) {
        // Lucene reports through java.util.logging that it runs without the incubating vector API; not worth a warning per run.
        LUCENE_JUL.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new SmartCity()).setExecutionExceptionHandler(new ErrorHandler());
    }
}
