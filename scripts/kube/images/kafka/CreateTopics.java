import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics that do not exist yet, in one call (run as a single source file with Kafka's
 * jars on the class path): java -cp 'libs/*' CreateTopics.java BOOTSTRAP PARTITIONS TOPIC...
 */
public class CreateTopics {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    int partitions = Integer.parseInt(args[1]);
    List<NewTopic> topics = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      topics.add(new NewTopic(args[i], partitions, (short) 1));
    }
    try (Admin admin = Admin.create(props)) {
      for (Map.Entry<String, ?> created : admin.createTopics(topics).values().entrySet()) {
        try {
          ((org.apache.kafka.common.KafkaFuture<?>) created.getValue()).get();
          System.out.println("created topic " + created.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          System.out.println("topic " + created.getKey() + " exists");
        }
      }
    }
  }
}
