using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Replay;

public sealed class ReplayDescriptorWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Writes_under_failures_with_a_file_name_from_the_test_id_and_leaves_no_temp_file()
    {
        var location = new ChaosResultsLocation("run-1", Path.Combine(_temp.Path, "run-1"));

        var path = ReplayDescriptorWriter.Write(SampleDescriptor.Create(), location);

        path.Should().Be(Path.Combine(_temp.Path, "run-1", "failures", "features_truncation.feature_4_a1.json"));
        ReplayDescriptorJson.Read(path).Should().BeEquivalentTo(SampleDescriptor.Create());
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().ContainSingle();
    }

    [Fact]
    public void File_names_cannot_leave_the_failures_folder()
    {
        ReplayDescriptorWriter.FileName("../../etc/passwd").Should().Be("_.._etc_passwd.json");
        ReplayDescriptorWriter.FileName(new string('x', 400)).Length.Should().BeLessThan(220);
    }

    [Fact]
    public void The_failure_message_names_the_descriptor_and_the_exact_freeze_command()
    {
        ReplayDescriptorWriter.MessageLines("/r/f.json").Should().Be(
            "Replay descriptor: /r/f.json\nFreeze: dotnet run --project tools/freeze -- /r/f.json");
    }

    [Fact]
    public void Outside_this_repository_the_freeze_command_is_the_packaged_tool()
    {
        ReplayDescriptorWriter.MessageLines("/r/f.json", Path.GetTempPath()).Should().Be(
            "Replay descriptor: /r/f.json\nFreeze: dotnet tool run freeze -- /r/f.json");
    }

    [Fact]
    public void Drift_is_an_event_and_a_message_line_only_when_the_hash_differs()
    {
        var sink = new RecordingChaosSink();
        var expected = new string('b', 64);

        ReplayDrift.Check(["io", "decisions:" + expected], expected, sink).Should().BeNull();
        ReplayDrift.Check(["io"], "anything", sink).Should().BeNull();
        ReplayDrift.Check(["io", "decisions:" + expected], new string('c', 64), sink).Should().StartWith("Replay drift: ");

        sink.Events.Should().ContainSingle().Which.Name.Should().Be("replay_drift");
    }

    public void Dispose() => _temp.Dispose();
}
