package io.parley.bench.load;

import io.parley.bench.load.media.SourceShape;
import io.parley.bench.load.report.Point;
import io.parley.bench.load.run.Plan;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meeting}: R rooms of K users, everyone publishing and playing everyone else in the room. */
@Command(name = "meeting", mixinStandardHelpOptions = true, sortOptions = false,
        description = "R rooms of K users; each user publishes one stream (synthetic video and audio) and plays the K - 1 "
                + "others of its room: K x (K - 1) plays per room. The same figures as broadcast.")
final class MeetingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rooms", paramLabel = "R", defaultValue = "2", description = "Rooms (default: ${DEFAULT-VALUE}).")
    int rooms;

    @Option(names = "--users", paramLabel = "K", defaultValue = "4", description = "Users per room, at least 2 (default: ${DEFAULT-VALUE}).")
    int users;

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        target.validate();
        Plan plan = Plan.meeting(rooms, users);
        SourceShape shape = source.shape(500_000, 60);
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        Point point;
        try (ProgressLine progress = new ProgressLine(System.err)) {
            point = Scenarios.mediaPoint(target, run, plan, shape, users - 1, progress);
        }
        String load = rooms + " rooms of " + users + " users, each publishing " + shape.describe() + " and playing the others";
        Scenarios.finish(Scenarios.report("meeting", started, spec.commandLine().getParseResult().originalArgs(), load,
                List.of(point)), started, run, System.out, System.err);
        return 0;
    }
}
