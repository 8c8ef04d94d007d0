package io.policyauth.apikey.mongo;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An in-memory MongoDB server reached through the real driver, whose client records the name of
 * every command it sends, so tests can prove that a request caused no query. The client keeps
 * the driver's default timeouts (30 s server selection) so that bounded waits must come from the
 * code under test.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The database the tests use. */
    public static final String DATABASE = "policyauth";

    private final MemoryBackend backend = new MemoryBackend();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final InetSocketAddress address;
    private final MongoClient client;
    private MongoServer server;
    private boolean running;

    public EmbeddedMongo() {
        server = new MongoServer(backend);
        address = server.bind();
        running = true;
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString()))
                .addCommandListener(new Recorder()).build());
    }

    /** @return {@code mongodb://host:port/policyauth} */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + DATABASE;
    }

    /** @return a template over the recording client */
    public MongoTemplate template() {
        return new MongoTemplate(client, DATABASE);
    }

    /** @return the names of the commands sent since the last {@link #clearCommands()} */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    public void clearCommands() {
        commands.clear();
    }

    /** @return how many commands of this name were sent since the last clear */
    public long count(String commandName) {
        return commands.stream().filter(commandName::equals).count();
    }

    /** Stops the server, dropping every connection, as a crashed database would. */
    public void stop() {
        if (running) {
            running = false;
            server.shutdownNow();
        }
    }

    /** Starts a server again on the same port, with empty data. */
    public void restart() {
        server = new MongoServer(new MemoryBackend());
        server.bind(address.getHostString(), address.getPort());
        running = true;
    }

    @Override
    public void close() {
        client.close();
        stop();
    }

    private final class Recorder implements CommandListener {

        @Override
        public void commandStarted(CommandStartedEvent event) {
            commands.add(event.getCommandName());
        }
    }
}
