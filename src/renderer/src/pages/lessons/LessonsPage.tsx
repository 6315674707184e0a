import { useRoute } from '../../app/routes'
import { LessonList } from './LessonList'
import { LessonPage } from './LessonPage'
import './lessons.css'

/** `#/lessons` lists the lessons; `#/lessons/<id>` opens one. */
export function LessonsPage(): React.JSX.Element {
  const { rest } = useRoute()
  const id = rest[0]
  return id ? <LessonPage key={id} id={id} /> : <LessonList />
}
