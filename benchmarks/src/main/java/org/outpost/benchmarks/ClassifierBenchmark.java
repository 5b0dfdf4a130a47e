package org.outpost.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.outpost.core.classify.Classifier;
import org.outpost.core.language.Language;
import org.outpost.core.text.CleanStory;
import org.outpost.core.text.PageCleaner;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.TopicScorer;
import org.outpost.seeds.SampleCorpus;

/**
 * Topic scoring plus entity tagging of the 13 stories of the sample corpus's five scraped English pages
 * (about 65 KB of text) per operation (its regional briefs are left out: half of them are Russian, and
 * the English figure stays comparable with earlier runs), on one thread, against a baseline that only tokenises the same text with Lucene's
 * standard analyzer. {@code docs/benchmarks.md} reports MB/s of each and their ratio.
 *
 * <p>Russian: the same two measurements ({@code classifyRussian}, and topic scoring alone,
 * {@code scoreTopicsRussian} beside {@code scoreTopicsEnglish}) on five Russian articles
 * written for this benchmark ({@link #RUSSIAN}). Russian must cost at most 1.5 times English
 * per 1,000 characters: divide each operation's characters ({@link #bytes},
 * {@link #russianBytes}, printed at setup) by its time. Characters, not UTF-8 bytes, because
 * Cyrillic takes two bytes a letter and would halve Russian's cost on paper. The Russian
 * articles are shorter than the English ones, so the per-article overhead weighs more on
 * Russian (2,300 against 5,000 characters an article): the comparison leans against it.
 *
 * <p>The learned model: {@code classify} and {@code classifyRussian} blend the shipped model with
 * the clauses; {@code classifyRulesOnly} and {@code classifyRussianRulesOnly} are the same without
 * it. The blend must cost at most twice the clauses alone.
 *
 * <p>On a machine shared with other work, JMH's benchmarks run one after another and a load
 * change between them swamps the difference; {@link #main} therefore also runs the six
 * alternately in short rounds and reports the median of the per-round Russian/English ratios
 * ({@code java -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.ClassifierBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifierBenchmark {

    private List<CleanStory> articles;
    private List<CleanStory> russian;
    private Classifier classifier;
    private Classifier rulesOnly;
    private TopicScorer topics;
    private Analyzer tokenizer;
    /** Bytes of text per operation, to turn operations per second into MB/s. */
    public long bytes;
    /** Characters of Russian text per operation. */
    public long russianBytes;

    @Setup(Level.Trial)
    public void setUp() {
        PageCleaner cleaner = new PageCleaner();
        articles = SampleCorpus.load().documents().stream()
                .filter(d -> d.language().equals("en") && d.basedOn().isEmpty())
                .flatMap(d -> cleaner.clean(d.text()).stream())
                .toList();
        bytes = articles.stream()
                .mapToLong(a -> (a.title() + a.body()).length())
                .sum();
        russian = RUSSIAN.stream()
                .map(a -> {
                    String[] parts = a.strip().split("\n", 2);
                    return new CleanStory(parts[0], parts[1].strip().replace('\n', ' '), null, null, null);
                })
                .toList();
        russianBytes =
                russian.stream().mapToLong(a -> (a.title() + a.body()).length()).sum();
        classifier = Classifier.defaults();
        rulesOnly = classifier.withModel(null);
        topics = new TopicScorer(TopicDefinitions.defaults());
        tokenizer = new StandardAnalyzer();
        System.out.printf(
                "%n%d articles, %,d characters per operation; Russian: %d articles, %,d characters%n",
                articles.size(), bytes, russian.size(), russianBytes);
    }

    @Benchmark
    public void classify(Blackhole sink) {
        for (CleanStory article : articles) {
            sink.consume(classifier.classify(article.title(), article.body()));
        }
    }

    @Benchmark
    public void classifyRussian(Blackhole sink) {
        for (CleanStory article : russian) {
            sink.consume(classifier.classify(article.title(), article.body()));
        }
    }

    /** The clauses without the learned model, the baseline the blend must stay within 2× of. */
    @Benchmark
    public void classifyRulesOnly(Blackhole sink) {
        for (CleanStory article : articles) {
            sink.consume(rulesOnly.classify(article.title(), article.body()));
        }
    }

    @Benchmark
    public void classifyRussianRulesOnly(Blackhole sink) {
        for (CleanStory article : russian) {
            sink.consume(rulesOnly.classify(article.title(), article.body()));
        }
    }

    @Benchmark
    public void scoreTopicsEnglish(Blackhole sink) {
        for (CleanStory article : articles) {
            sink.consume(topics.score(article.title(), article.body(), Language.EN));
        }
    }

    @Benchmark
    public void scoreTopicsRussian(Blackhole sink) {
        for (CleanStory article : russian) {
            sink.consume(topics.score(article.title(), article.body(), Language.RU));
        }
    }

    @Benchmark
    public void baselineTokenise(Blackhole sink) {
        for (CleanStory article : articles) {
            sink.consume(tokens(article.title()));
            sink.consume(tokens(article.body()));
        }
    }

    /** Alternating rounds of the six measurements; prints µs per 1,000 characters and the median ratios. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ClassifierBenchmark bench = new ClassifierBenchmark();
        bench.setUp();
        Blackhole sink = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        List<Runnable> runs = List.of(
                () -> bench.classify(sink),
                () -> bench.classifyRussian(sink),
                () -> bench.scoreTopicsEnglish(sink),
                () -> bench.scoreTopicsRussian(sink),
                () -> bench.classifyRulesOnly(sink),
                () -> bench.classifyRussianRulesOnly(sink));
        long[] chars = {
            bench.bytes, bench.russianBytes, bench.bytes, bench.russianBytes, bench.bytes, bench.russianBytes
        };
        double[][] perThousand = new double[runs.size()][rounds];
        for (int round = -5; round < rounds; round++) { // five rounds of warm-up
            for (int i = 0; i < runs.size(); i++) {
                long start = System.nanoTime();
                long done = 0;
                int ops = 0;
                while (done < 300_000_000L) { // about 0.3 s each
                    runs.get(i).run();
                    ops++;
                    done = System.nanoTime() - start;
                }
                if (round >= 0) {
                    perThousand[i][round] = done / 1e3 / ops / (chars[i] / 1000.0);
                }
            }
        }
        String[] names = {
            "classify English",
            "classify Russian",
            "topics English",
            "topics Russian",
            "rules only English",
            "rules only Russian"
        };
        for (int i = 0; i < runs.size(); i++) {
            System.out.printf(
                    "%-18s %8.1f µs per 1,000 characters (median of %d rounds)%n",
                    names[i], median(perThousand[i]), rounds);
        }
        System.out.printf(
                "Russian / English per 1,000 characters: classify %.2f, topic scoring %.2f (median of the "
                        + "per-round ratios)%n",
                medianRatio(perThousand[1], perThousand[0]), medianRatio(perThousand[3], perThousand[2]));
        System.out.printf(
                "With the learned model / rules only: English %.2f, Russian %.2f (median of the per-round ratios)%n",
                medianRatio(perThousand[0], perThousand[4]), medianRatio(perThousand[1], perThousand[5]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        return median(ratios);
    }

    private int tokens(String text) {
        int count = 0;
        try (TokenStream stream = tokenizer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                count += term.length() > 0 ? 1 : 0;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** Five Russian news articles written for this benchmark: title on the first line, then the text. */
    static final List<String> RUSSIAN = List.of("""
            Пограничники Таджикистана задержали крупную партию героина на границе с Афганистаном
            Пограничники Таджикистана задержали на участке заставы в Шамсиддин Шохинском районе Хатлонской области
            группу нарушителей, пытавшихся переправить через реку Пяндж крупную партию наркотиков. Как сообщили в
            пресс-центре Пограничных войск ГКНБ, ночью наряд заметил движение на афганском берегу и с помощью
            тепловизора установил, что трое мужчин спускают на воду надувную лодку. После переправы нарушители
            попытались скрыться в прибрежных зарослях, однако были окружены. При задержанных обнаружено более
            сорока килограммов гашиша и около восьми килограммов героина, упакованных в полиэтиленовые мешки.
            Нарушители оказали вооружённое сопротивление, в ходе перестрелки один из них был ранен. По данным
            ведомства, с начала года на таджикско-афганской границе изъято более полутора тонн наркотических
            средств, из них около трёхсот килограммов героина. Эксперты Агентства по контролю за наркотиками
            при Президенте Республики Таджикистан отмечают, что после запрета посевов опийного мака в Афганистане
            объём героина на северном маршруте сократился, однако растёт контрабанда метамфетамина и гашиша.
            В агентстве напомнили, что Таджикистан ежегодно участвует в операции ОДКБ «Канал», направленной на
            перекрытие каналов наркотрафика, и обменивается информацией с ЦАРИКЦ и УНП ООН. Возбуждено уголовное
            дело по статье о контрабанде наркотических средств в особо крупном размере. Задержанные помещены в
            следственный изолятор ГКНБ, следствие устанавливает получателей груза в Душанбе и Хатлонской области.
            Пограничное ведомство также сообщило, что на участке усилены наряды и установлены дополнительные
            камеры наблюдения, переданные по программе международной помощи.
            Местные жители приграничных кишлаков рассказывают, что в последние месяцы на афганском берегу
            стало заметно больше людей, а по ночам слышны выстрелы. Председатель джамоата сообщил, что
            пограничники проводят с населением беседы и просят сообщать о посторонних. За информацию, которая
            помогла предотвратить преступление, жителям выплачивают вознаграждение. Ранее в этом районе
            задерживали курьеров, которые пытались провезти наркотики в двойном дне грузовиков с фруктами, а
            также в тюках с хлопком. Специалисты отмечают, что наркоторговцы всё чаще используют мобильную
            связь соседней страны и спутниковые телефоны, а оплату получают в криптовалюте. Представитель
            Управления ООН по наркотикам и преступности в Душанбе заявил, что организация продолжит передавать
            пограничникам досмотровое оборудование и обучать кинологов, а также поможет создать новый
            межведомственный центр анализа данных о перемещении грузов через границу.
            """, """
            В Бишкеке начался суд над предполагаемыми членами запрещённой группировки
            В Первомайском районном суде Бишкека начался процесс над семью гражданами Кыргызстана, которых
            обвиняют в участии в деятельности запрещённой экстремистской организации и в подготовке теракта.
            По версии следствия, участники группы распространяли в мессенджерах материалы, призывающие к
            насильственному захвату власти, вели вербовку среди молодёжи и собирали деньги для боевиков,
            воюющих в Сирии. При обысках у обвиняемых изъяли компоненты для изготовления взрывного устройства,
            патроны и экстремистскую литературу. Государственный комитет национальной безопасности заявляет,
            что группа планировала взрыв в людном месте во время праздника. Адвокаты двух подсудимых говорят,
            что их подзащитных задержали без предъявления документов и несколько суток удерживали без доступа
            к защитнику, а признательные показания были получены под давлением. Правозащитники просят провести
            открытый процесс и допустить на заседания журналистов и наблюдателей. Суд, однако, решил рассматривать
            дело в закрытом режиме, сославшись на сведения, составляющие государственную тайну. Эксперты по
            вопросам радикализации отмечают, что за последние годы число приговоров по экстремистским статьям в
            республике выросло, при этом часть дел касается лишь хранения запрещённых материалов. В ГКНБ
            подчеркнули, что работа по противодействию терроризму и экстремизму ведётся в тесном взаимодействии
            с партнёрами по ОДКБ и ШОС. Следующее заседание назначено на понедельник.
            Родственники подсудимых собрались у здания суда с плакатами. Мать одного из обвиняемых рассказала,
            что её сын работал в строительной бригаде в Москве и вернулся домой за полгода до ареста. По её
            словам, он никогда не интересовался политикой, а переписку в телефоне, на которую ссылается
            обвинение, вели другие люди. Представитель прокуратуры заявил журналистам, что доказательная база
            включает заключения экспертов-лингвистов, записи телефонных переговоров и показания свидетелей.
            Политологи напоминают, что в регионе остаются активными вербовщики, которые ищут сторонников среди
            трудовых мигрантов, оказавшихся без работы и поддержки. Государственная программа профилактики
            радикализма предусматривает работу с молодёжью в школах и мечетях, однако её эффективность, по
            мнению независимых исследователей, пока никто не оценивал.
            """, """
            Страны ОДКБ провели совместные антитеррористические учения в Таджикистане
            На полигоне Харбмайдон в Хатлонской области завершились совместные учения коллективных сил
            оперативного реагирования ОДКБ. В них приняли участие более двух тысяч военнослужащих из России,
            Казахстана, Кыргызстана и Таджикистана, а также около трёхсот единиц военной техники. По замыслу
            учений, крупное бандформирование проникает с территории соседнего государства и захватывает
            населённый пункт у границы. Подразделения отрабатывали блокирование и уничтожение условного
            противника, эвакуацию мирного населения и освобождение заложников. Впервые к учениям привлекли
            беспилотники разведки и радиоэлектронной борьбы. Генеральный секретарь ОДКБ заявил журналистам, что
            обстановка на таджикско-афганской границе остаётся напряжённой и требует постоянного внимания
            союзников. По его словам, в рамках целевой межгосударственной программы по укреплению границы
            Таджикистан получит дополнительное вооружение, средства связи и технику для пограничных застав.
            Министр обороны Таджикистана поблагодарил партнёров за помощь и отметил, что совместные учения
            повышают слаженность действий и уровень подготовки офицеров. Отдельно стороны обсудили обмен
            информацией между спецслужбами и подготовку кадров для антитеррористических подразделений в
            учебных центрах организации. Следующие учения запланированы на будущий год в Кыргызстане, где
            подразделения отработают действия в горной местности.
            Наблюдатели отмечают, что учения проходят на фоне продолжающихся переговоров Таджикистана с
            представителями движения «Талибан» о безопасности на границе и поставках электроэнергии. Дипломаты
            из стран Европейского союза, присутствовавшие на заключительном этапе, заявили о готовности
            продолжить программу содействия управлению границами в Центральной Азии. В рамках этой программы
            в Таджикистане уже построены несколько пограничных застав и учебный центр для кинологов. Военные
            эксперты считают, что главная угроза для региона исходит не от регулярных армий, а от небольших
            вооружённых групп, способных быстро перемещаться по горным тропам. Поэтому на учениях особое
            внимание уделялось разведке, связи и взаимодействию пограничников с армейскими подразделениями.
            """, """
            Журналиста приговорили к пяти годам за публикации в соцсетях
            Суд в Ташкенте приговорил независимого журналиста и блогера к пяти годам лишения свободы по статьям
            о клевете и распространении материалов, угрожающих общественной безопасности. Журналист известен
            публикациями о коррупции в местных органах власти и о сносе жилых домов без компенсации. Он был
            задержан в апреле после серии постов о действиях хокимията. Защита настаивает, что обвинения
            сфабрикованы, а единственным поводом для преследования стала профессиональная деятельность. По словам
            адвоката, в следственном изоляторе журналиста держали в одиночной камере, а на свидания с родственниками
            не пускали несколько месяцев. Международные организации по защите свободы слова призвали власти
            освободить его. Представитель организации «Репортёры без границ» заявил, что приговор противоречит
            заявлениям руководства страны о реформах и открытости. Комитет защиты журналистов напомнил, что в
            стране за последние два года осуждены ещё несколько блогеров. Омбудсмен по правам человека пообещал
            изучить жалобу о жестоком обращении. В министерстве иностранных дел на запросы журналистов не ответили.
            Родственники осуждённого намерены обжаловать приговор в апелляционной инстанции и обратиться в
            Комитет ООН по правам человека. Правозащитники отмечают, что давление на независимые СМИ и
            гражданских активистов усиливается накануне выборов.
            Коллеги журналиста создали группу поддержки и собирают подписи под обращением к президенту. В
            обращении говорится, что в стране должны существовать независимые редакции, способные критиковать
            чиновников без страха оказаться за решёткой. Несколько известных блогеров заявили, что после
            приговора стали осторожнее и удалили часть старых публикаций. Представители посольств западных стран
            посетили одно из заседаний суда и выразили обеспокоенность тем, что защите не позволили вызвать
            своих свидетелей. Власти в ответ напомнили, что в последние годы из мест лишения свободы освобождены
            десятки заключённых, а законодательство о средствах массовой информации обновлено. Эксперты в
            области медиаправа считают, что формулировки статей о клевете и общественной безопасности слишком
            размыты и позволяют преследовать за любую критику.
            """, """
            Урожай хлопка в Согдийской области превысил прошлогодний
            Фермеры Согдийской области собрали более трёхсот тысяч тонн хлопка-сырца, что на двенадцать процентов
            больше, чем в прошлом году. Как сообщили в областном управлении сельского хозяйства, рост связан с
            благоприятной погодой весной, новыми сортами семян и расширением капельного орошения. Средняя
            урожайность составила тридцать центнеров с гектара, а в отдельных дехканских хозяйствах превысила
            сорок. Закупочные цены на хлопок в этом году выросли вслед за мировыми биржевыми котировками, и
            большая часть урожая уже продана местным текстильным предприятиям. Руководство области намерено
            увеличить глубокую переработку хлопка внутри страны, чтобы выпускать пряжу и готовую одежду, а не
            вывозить сырьё. Для этого в Худжанде строится новая прядильная фабрика, на которой будут работать
            около тысячи человек. Экономисты отмечают, что доля хлопка в экспорте республики постепенно
            снижается, зато растут поставки фруктов, овощей и сухофруктов в Россию, Казахстан и Китай. Фермеры
            жалуются на нехватку техники и высокие цены на удобрения и топливо, а также на задержки с выплатами
            от заготовителей. В министерстве сельского хозяйства обещают расширить программу льготного
            кредитования и лизинга тракторов. Синоптики прогнозируют тёплую осень, что позволит завершить сбор
            урожая без потерь до середины ноября.
            В соседних районах области фермеры всё активнее переходят с хлопка на сады и теплицы. Абрикосы,
            виноград и лимоны приносят больший доход, а сухофрукты из Исфары хорошо продаются на рынках России
            и Казахстана. Однако для экспорта нужны холодильные склады, сертифицированные лаборатории и
            надёжная логистика, которых пока не хватает. Областные власти рассчитывают привлечь частных
            инвесторов к строительству логистического центра рядом с новой железнодорожной веткой. Банки
            предлагают фермерам кредиты под залог будущего урожая, но высокие ставки отпугивают мелкие хозяйства.
            Агрономы советуют диверсифицировать посевы и внедрять современные методы орошения, чтобы снизить
            зависимость от погоды и от колебаний мировых цен на хлопок.
            """);
}
