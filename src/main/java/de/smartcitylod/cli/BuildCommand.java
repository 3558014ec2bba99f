package de.smartcitylod.cli;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.publish.DumpWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Convert the CSV sources, validate them, load a new TDB2 store and write the dumps. "
                + "The store and dumps are switched only when everything succeeded.")
final class BuildCommand implements Callable<Integer> {
    @Mixin BuildArgs args;

    @Override public Integer call() {
        long t0 = System.nanoTime();
        BuildJob.Result r = new BuildJob(args.options()).run();
        if (!r.newRelease()) {
            System.out.printf("Unchanged: the data equals release %s, which is already served; no new release (%.1f s)%n",
                    r.release().version(), (System.nanoTime() - t0) / 1e9);
            return 0;
        }
        System.out.printf("Built release %s (%s): %d quads in %.1f s%n", r.release().version(), r.release().date(), r.quads(), (System.nanoTime() - t0) / 1e9);
        System.out.println("  store: " + args.run.store + " -> " + r.storeDir());
        System.out.println("  dumps: " + args.run.dumps + " -> " + r.dumpsDir());
        for (DumpWriter.DumpFile f : r.dumps()) System.out.printf("    %-40s %10d bytes  sha256 %s%n", f.name(), f.bytes(), f.sha256());
        return 0;
    }
}
