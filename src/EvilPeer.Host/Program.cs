// Forked EvilPeer host: filled in by the EvilPeer work (issue 3).
Console.Error.WriteLine("evilpeer: not implemented yet");
return 2;
